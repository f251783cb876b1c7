/** Discord markdown as the preview page draws it: the library's rules, plus the list lines it lacks. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape.ts';
import { parseMarkdown, type MdNode } from '../../src/transports/preview/markdown.ts';

const text = (t: string): MdNode => ({ t: 'text', text: t });

describe('parseMarkdown', () => {
  it('reads a card: a ## heading, bold labels, citation markers as text, and -# small print', () => {
    expect(parseMarkdown('## Patrol 22 · 22 July 2020\n**Start** Tronba [1][2]\n-# [1] SouthFront · year from context')).toEqual([
      { t: 'heading', level: 2, children: [text('Patrol 22 · 22 July 2020')] },
      { t: 'strong', children: [text('Start')] },
      text(' Tronba [1][2]'),
      { t: 'small', children: [text('[1] SouthFront · year from context')] },
    ]);
  });

  it('keeps escaped characters as the text they stand for', () => {
    const raw = '**bold?** <script>alert(1)</script> _x_ `y` [1] # not a heading';
    const nodes = parseMarkdown(escapeMarkdown(raw));
    expect(nodes).toEqual([text(raw)]);
  });

  it('draws quotes, headings of every level, italics, underline, strikethrough, spoilers and code', () => {
    expect(parseMarkdown('### Small heading\n> “a quote” — SOFREP\n*it* __u__ ~~s~~ ||sp|| `code`')).toEqual([
      { t: 'heading', level: 3, children: [text('Small heading')] },
      { t: 'quote', children: [text('“a quote” — SOFREP')] },
      { t: 'em', children: [text('it')] },
      text(' '),
      { t: 'underline', children: [text('u')] },
      text(' '),
      { t: 'strike', children: [text('s')] },
      text(' '),
      { t: 'spoiler', children: [text('sp')] },
      text(' '),
      { t: 'code', text: 'code' },
    ]);
  });

  it('reads small print and headings right after quotes (the library alone does not)', () => {
    expect(parseMarkdown('**[1] SouthFront**\n> “one”\n> “two”\n-# our reading\n## next')).toEqual([
      { t: 'strong', children: [text('[1] SouthFront')] },
      { t: 'quote', children: [text('“one”'), { t: 'br' }, text('“two”')] },
      { t: 'small', children: [text('our reading')] },
      { t: 'heading', level: 2, children: [text('next')] },
    ]);
  });

  it('reads bulleted and numbered lists, which the library leaves as text, with markdown inside items', () => {
    expect(parseMarkdown('Attacks:\n- **Jul** IED [1]\n- ⚖️ suicide bombing\n1. one\n2. two\nafter')).toEqual([
      text('Attacks:'),
      { t: 'list', ordered: false, start: 1, items: [[{ t: 'strong', children: [text('Jul')] }, text(' IED [1]')], [text('⚖️ suicide bombing')]] },
      { t: 'list', ordered: true, start: 1, items: [[text('one')], [text('two')]] },
      text('after'),
    ]);
  });

  it('does not read an escaped dash, or a dash inside a code block, as a list', () => {
    expect(parseMarkdown(escapeMarkdown('- not a list'))).toEqual([text('- not a list')]);
    expect(parseMarkdown('```\n- code\n```')).toEqual([{ t: 'codeblock', text: '- code' }]);
  });

  it('links only http(s) targets', () => {
    expect(parseMarkdown('see https://example.org/a')).toEqual([text('see '), { t: 'link', href: 'https://example.org/a', children: [text('https://example.org/a')] }]);
    expect(JSON.stringify(parseMarkdown('javascript:alert(1)'))).not.toContain('"link"');
  });
});
