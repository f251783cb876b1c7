/** Shorten text to a limit at a line or word boundary, marking the cut with an ellipsis. */
export function fitEmbedText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${boundary > max / 2 ? cut.slice(0, boundary) : cut}…`;
}
