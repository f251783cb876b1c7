import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { answer } from '../../src/answers/index.ts';
import { MAX_LISTED } from '../../src/answers/cite.ts';
import { discordMessage, renderDiscord } from '../../src/render/discord.ts';
import { makeBase, makeFact, makeSource } from '../fixtures/records.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import { expectWithinLimits } from './discord-limits.ts';

const words = (n: number, word = 'lorem') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function allPages(a: Answer) {
  const first = discordMessage(a, 0);
  return Array.from({ length: first.pageCount }, (_, i) => discordMessage(a, i));
}

function descriptions(a: Answer): string[] {
  return allPages(a).map((m) => m.payload.embeds[0]?.description ?? '');
}

describe('Discord pages: limits with long answers', () => {
  const manyFacts = Array.from({ length: 300 }, (_, i) =>
    makeFact({
      id: `fact-${i}`,
      statement: words(400, `statement${i}x`),
      quote: words(2000, `quote${i}x`),
      date: `2020-07-${String((i % 28) + 1).padStart(2, '0')}`,
      kind: 'attack',
      attack_target: i % 3 === 0 ? 'related-forces' : 'joint-patrol',
    }),
  );
  const base = makeBase({
    facts: manyFacts,
    sources: [makeSource({ id: 'src-a', publisher: 'P'.repeat(3000), title: 'T'.repeat(3000) })],
    claimants: [{ id: 'outlet', name: 'C '.repeat(2000), short_name: 'C', kind: 'media' }],
  });
  const index = buildKnowledgeIndex(base);

  it('splits 300 facts with huge quotes into pages that each fit every limit', () => {
    const pages = allPages(answer(index, { command: 'timeline' }));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expectWithinLimits(page.payload);
  });

  it('shows each listed fact exactly once across the pages, and says how many were left out', () => {
    const pages = descriptions(answer(index, { command: 'attacks' }));
    const shown = [...pages.join('\n').matchAll(/statement(\d+)x0 /g)].map((m) => Number(m[1]));
    expect(shown).toHaveLength(MAX_LISTED);
    expect(new Set(shown).size).toBe(MAX_LISTED);
    expect(pages[0]).toContain(`Showing the first ${MAX_LISTED} of 300: narrow them down with from: and to:.`);
  });

  it('cuts a long quote at a word, inside quotation marks, with an ellipsis', () => {
    const [first] = descriptions(answer(index, { command: 'timeline' }));
    const quoteLine = first?.split('\n').find((l) => l.startsWith('> “'));
    expect(quoteLine).toMatch(/^> “quote\d+x0 quote\d+x1 .*quote\d+x\d+…”$/);
  });

  it('marks related attacks and numbers the pages', () => {
    const pages = allPages(answer(index, { command: 'attacks' }));
    expect(pages[0]?.payload.embeds[0]?.description).toContain('_related: an attack on the forces involved, not on a joint patrol_');
    pages.forEach((p, i) => expect(p.payload.embeds[0]?.footer?.text).toBe(`Page ${i + 1} of ${pages.length}`));
  });

  it('puts at most five facts on a page', () => {
    for (const d of descriptions(answer(index, { command: 'timeline' }))) {
      expect((d.match(/^— claimed by/gm) ?? []).length).toBeLessThanOrEqual(5);
    }
  });

  it('echoes 2000 characters of user input within the limits, escaped and cut', () => {
    const typed = `@everyone ${'**x** '.repeat(400)}`;
    const a = answer(index, { command: 'where', place: typed });
    const [page] = allPages(a);
    expectWithinLimits(page!.payload);
    expect(page!.payload.embeds[0]?.description).toContain('\\@\u200beveryone \\*\\*x\\*\\*');
  });
});

describe('Discord pages: disputes', () => {
  const claims = Array.from({ length: 50 }, (_, i) => makeFact({ id: `claim-${i}`, quote: words(500, `q${i}x`), patrols: [9] }));
  const base = makeBase({
    facts: claims,
    disputes: [{ id: 'big', title: 'T '.repeat(300), differs: words(1000), aspect: 'count', claims: claims.map((c) => c.id), note: words(400) }],
  });

  it('a dispute with fifty long claims lists what fits, says how many more, and keeps its markup whole', () => {
    const a = answer(buildKnowledgeIndex(base), { command: 'patrol', number: 9 });
    const pages = allPages(a);
    for (const p of pages) expectWithinLimits(p.payload);
    const text = descriptions(a).join('\n\n');
    const block = text.split('\n\n').find((b) => b.startsWith('**⚖️ Sources differ: '));
    expect(block).toBeDefined();
    expect(block).toMatch(/\n_…and \d+ more claims_\n_/);
    // Every claim line that is shown ends with its source id: none was cut through.
    for (const line of block!.split('\n').filter((l) => l.startsWith('• '))) expect(line).toMatch(/ · `src-a`$/);
    // Every fact block ends with its citation or its dispute marker, whole.
    for (const b of text.split('\n\n').filter((b) => b.includes('— claimed by'))) expect(b).toMatch(/(`src-a`|_)$/);
  });
});

describe('Discord pages: hand-built extremes', () => {
  const hostile: Answer = {
    command: 'help',
    kind: 'ok',
    title: `${'Title '.repeat(200)}@everyone`,
    notice: ['Intro ', { user: 'x'.repeat(5000) }],
    items: [
      ...Array.from({ length: 60 }, (_, i) => ({ kind: 'detail' as const, label: `Label ${i} `.repeat(50), value: [words(3000)], note: words(500) })),
      { kind: 'heading' as const, text: 'Last heading' },
    ],
  };

  it('keeps a huge title, huge details and a trailing heading within every limit', () => {
    const pages = allPages(hostile);
    for (const p of pages) expectWithinLimits(p.payload);
    expect(pages[0]?.payload.embeds[0]?.title?.endsWith('…')).toBe(true);
  });

  it('never leaves a heading at the bottom of a page with more to come', () => {
    const a: Answer = {
      command: 'help',
      kind: 'ok',
      title: 'Headings',
      items: Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0 ? { kind: 'heading' as const, text: `Heading ${i}` } : { kind: 'detail' as const, label: `Detail ${i}`, value: [words(120)] },
      ),
    };
    const pages = descriptions(a);
    expect(pages.length).toBeGreaterThan(1);
    for (const d of pages.slice(0, -1)) expect(d.split('\n\n').at(-1)).not.toMatch(/^__\*\*Heading/);
  });

  it('an answer with nothing in it is still one valid page', () => {
    const empty: Answer = { command: 'search', kind: 'not-found', title: 'Search', items: [] };
    const rendered = renderDiscord(empty);
    expect(rendered).toHaveLength(1);
    const { payload, pageCount } = discordMessage(empty);
    expect(pageCount).toBe(1);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.footer).toBeUndefined();
  });

  it('clamps the page asked for to the pages there are', () => {
    const a: Answer = { command: 'help', kind: 'ok', title: 'x', items: Array.from({ length: 30 }, (_, i) => ({ kind: 'detail' as const, label: `${i}`, value: [words(300)] })) };
    const count = discordMessage(a).pageCount;
    expect(discordMessage(a, 999).page).toBe(count - 1);
    expect(discordMessage(a, -3).page).toBe(0);
    expect(discordMessage(a, Number.NaN).page).toBe(0);
  });

  it('renders the same pages every time (any replica can serve a page turn)', () => {
    expect(JSON.stringify(renderDiscord(hostile))).toBe(JSON.stringify(renderDiscord(hostile)));
  });
});
