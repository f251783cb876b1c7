/**
 * Reading the timeline SVG back: its marks with their attributes and shapes, and its words. Our SVG
 * is flat and written by one function, so a few patterns read it without an XML parser.
 */

export interface SvgMark {
  readonly event: string;
  readonly row: string;
  readonly shape: string;
  readonly first: string;
  readonly last: string;
  /** x and width of a bar's filled rectangle; a dot's centre. */
  readonly x: number;
  readonly width?: number;
  readonly label?: string;
  readonly disputed: boolean;
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

export function svgMarks(svg: string): SvgMark[] {
  const start = svg.indexOf('<g class="marks">');
  const end = svg.indexOf('<g class="legend"', start);
  const chunks = svg.slice(start, end < 0 ? undefined : end).split('<g class="mark" ').slice(1);
  return chunks.map((chunk) => {
    const open = ` ${chunk.slice(0, chunk.indexOf('>'))}`;
    const shape = attr(open, 'data-shape')!;
    const body = chunk.slice(open.length - 1);
    const rect = /<rect [^>]*>/.exec(body)?.[0];
    const circle = /<circle [^>]*>/.exec(body)?.[0];
    const label = /<text class="label"[^>]*>([^<]*)<\/text>/.exec(body)?.[1];
    const x = shape === 'bar' ? Number(attr(rect!, 'x')) : Number(attr(circle!, 'cx'));
    return {
      event: unescape(attr(open, 'data-event')!),
      row: attr(open, 'data-row')!,
      shape,
      first: attr(open, 'data-first')!,
      last: attr(open, 'data-last')!,
      x,
      ...(shape === 'bar' && { width: Number(attr(rect!, 'width')) }),
      ...(label !== undefined && { label: unescape(label) }),
      disputed: body.includes('class="dispute"'),
      cutBefore: body.includes('class="cut-before"'),
      cutAfter: body.includes('class="cut-after"'),
    };
  });
}

/** Every piece of text the picture shows. */
export function svgWords(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
}

export function svgNumber(svg: string, name: string): number {
  return Number(attr(/<svg [^>]*>/.exec(svg)![0], name));
}
