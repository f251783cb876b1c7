/**
 * Property-based: whatever anyone types into any command, the card and both of its panels fit every
 * Discord limit, ping no one, and the terminal text carries no control characters.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, panel } from '../../src/answers/index.ts';
import type { Target } from '../../src/answers/query.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { parseCommand } from '../../src/transports/terminal/parse-command.ts';
import { realIndex } from '../fixtures/real.ts';
import { cardText, displayed, payloadProblems } from './discord-limits.ts';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await realIndex();
});

const hostilePieces = fc.constantFrom(
  '@everyone', '@here', '@', '<@123456789012345678>', '<@!1>', '<@&2>', '<#3>', '</x:1>', '<t:0>', '<', '>',
  '[click](https://evil.example)', 'https://evil.example', 'discord.gg/x', '](', '**', '__', '*', '_', '`', '```',
  '~~', '||', '> ', '# ', '- ', '1. ', '\n', '\r\n', '\t', '\\', '\u202e', '\u2066', '\u200b', '\u0000', '\u001b[31m',
  '\ud800', '\udfff', '😀', '👍🏽', 'é', 'ﷺ', ' ', ':', 'Ain Hawr', 'ain-hour', 'Taranba', '22', 'July 2020',
  '2020-07', 'from:', 'to:', 'place:', 'human shields', 'IED',
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.oneof(hostilePieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')),
  fc.array(hostilePieces, { minLength: 200, maxLength: 600 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', minLength: 1500, maxLength: 2500 }),
);

const optionalText = fc.option(anyText, { nil: undefined });

const anyQuery: fc.Arbitrary<Target> = fc.oneof(
  anyText.map((place) => ({ command: 'where', place }) as const),
  anyText.map((query) => ({ command: 'search', query }) as const),
  anyText.map((id) => ({ command: 'source', id }) as const),
  fc.record({ from: optionalText, to: optionalText }).map(({ from, to }) => ({ command: 'attacks', from, to }) as const),
  fc.record({ from: optionalText, to: optionalText }).map(({ from, to }) => ({ command: 'timeline', from, to }) as const),
  fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }), { nil: undefined }).map((number) => ({ command: 'patrol', number }) as const),
  fc.constant({ command: 'help' } as const),
  anyText.map((id) => ({ command: 'event', id }) as const),
  anyText.map((id) => ({ command: 'fact', id }) as const),
);

function checkEveryPage(target: Target): void {
  const card = answer(index, target);
  for (const [what, a] of [['card', card], ['quotes panel', panel(index, target, 'quotes')], ['disputes panel', panel(index, target, 'disputes')]] as const) {
    const problems = payloadProblems(renderDiscord(a));
    if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}`);
    expect(renderTerminal(a)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }
}

describe('any input, any command', () => {
  it('yields Discord payloads within every limit that ping no one', () => {
    fc.assert(fc.property(anyQuery, checkEveryPage), { numRuns: 300 });
  });

  it('typed into the terminal, either parses into such an answer or is refused with a usage line', () => {
    const command = fc.constantFrom('/patrol', '/attacks', '/where', '/search', '/timeline', '/source', '/help', '/', '', 'where');
    fc.assert(
      fc.property(command, anyText, (name, rest) => {
        const parsed = parseCommand(`${name} ${rest}`);
        if (parsed.ok) checkEveryPage(parsed.query);
        else {
          expect(parsed.message).toContain('\nusage: /');
          expect(parsed.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('echoes what was typed, escaped, so Discord shows it as typed (cut if long)', () => {
    fc.assert(
      fc.property(fc.array(hostilePieces, { minLength: 1, maxLength: 6 }).map((a) => `zq ${a.join('')}`), (typed) => {
        const a = answer(index, { command: 'search', query: typed });
        const shown = displayed(cardText(renderDiscord(a)));
        // What the user typed, minus invisible characters and line breaks, is what is displayed.
        const expected = typed
          .replace(/[\r\n\t]+/g, ' ')
          .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, '')
          .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
          .trim()
          .replace(/\s+/g, ' ');
        // The card cuts its echo at 100 characters of the query as typed, invisible ones included.
        if ([...typed.trim().replace(/\s+/g, ' ')].length <= 100) expect(shown).toContain(expected);
      }),
      { numRuns: 200 },
    );
  });
});
