/**
 * An Answer as plain terminal text: the same card as the Discord message, no markup, wrapped to the
 * terminal's width. Control characters are stripped from everything printed, so
 * neither user input nor a knowledge file can move the cursor or recolour the terminal.
 */
import type { Answer, Block, Inline } from '../answers/answer.ts';
import { partText } from '../answers/answer.ts';
import { removeInvisible } from './invisible.ts';
import { characterBoundary } from './truncate.ts';

export interface TerminalOptions {
  /** Columns to wrap at (default 80; at least 40). */
  readonly width?: number;
}

const INDENT = '  ';

/** Invisible characters and carriage returns removed, tabs made spaces; line breaks are kept for `wrap`. */
function cleanForTerminal(text: string): string {
  return removeInvisible(text.replace(/\t/g, ' ').replace(/\r/g, ''));
}

/** Greedy word wrap; words longer than the line are broken. Each line starts with `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of cleanForTerminal(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w.length > 0)) {
      let rest = word;
      while (rest.length > room) {
        if (line) {
          lines.push(indent + line);
          line = '';
        }
        const cut = characterBoundary(rest, room);
        lines.push(indent + rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= room) line += ` ${rest}`;
      else {
        lines.push(indent + line);
        line = rest;
      }
    }
    lines.push(indent + line);
  }
  return lines.map((l) => l.trimEnd());
}

/** User parts are printed as typed, on one line; the answer's own text already quotes them. */
function inline(text: Inline): string {
  return text.map((part) => (typeof part === 'object' && 'user' in part ? part.user.replace(/\s+/g, ' ') : partText(part))).join('');
}

function blockLines(block: Block, width: number): string[] {
  const disputed = 'disputed' in block && block.disputed ? '⚖️ ' : '';
  switch (block.kind) {
    case 'break':
      return [''];
    case 'para':
      return wrap(inline(block.text), width);
    case 'line':
      return wrap(`${block.label}: ${disputed}${inline(block.text)}`, width);
    case 'item':
      return wrap(`* ${disputed}${inline(block.text)}`, width);
    case 'quote':
      return wrap(`“${block.text.replace(/\s+/g, ' ').trim()}”${block.by ? ` — ${block.by}` : ''}`, width, INDENT);
    case 'subheading':
      return ['', ...wrap(inline(block.text), width)];
    case 'small':
      return wrap(inline(block.text), width, INDENT);
  }
}

/** The card as text: heading, blocks, footnotes and notes, then what its buttons and menu would open. */
export function renderTerminal(answer: Answer, options: TerminalOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const title = cleanForTerminal(answer.title).replace(/\s+/g, ' ');
  const out: string[] = [...wrap(title, width), '='.repeat(Math.min(width, [...title].length))];
  for (const block of answer.blocks) out.push(...blockLines(block, width));
  if (answer.footnotes.length > 0 || answer.notes.length > 0) {
    out.push('');
    for (const note of answer.footnotes) out.push(...wrap(`[${note.n}] ${note.text}`, width));
    if (answer.notes.length > 0) out.push(...wrap(answer.notes.join(' · '), width));
  }
  if (answer.actions.length > 0) {
    out.push('', ...wrap(`Buttons: ${answer.actions.map((a) => `[${a.emoji ? `${a.emoji} ` : ''}${a.label}]`).join(' ')}`, width));
  }
  if (answer.menu && answer.menu.options.length > 0) {
    // Discord tells options apart by their description; a terminal list of bare labels would show
    // two sources both called "SouthFront" as one name twice, so a shared label gets its description.
    const options = answer.menu.options;
    const shared = (label: string) => options.filter((o) => o.label === label).length > 1;
    const named = options.map((o) => (o.description && shared(o.label) ? `${o.label} (${o.description})` : o.label));
    out.push(...wrap(`${answer.menu.placeholder} ${named.join('; ')}`, width));
  }
  return out.map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n');
}
