/**
 * Every command on the real fact base: what a user asks, and what must be in the answer. Expected
 * content is pulled from the fact base itself, so the tests follow the knowledge files as they grow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerItem, CitedFact } from '../../src/answers/answer.ts';
import { phraseText } from '../../src/answers/answer.ts';
import { datedInterval, findAgreementAnchor, formatDated, type DayInterval } from '../../src/answers/dates.ts';
import { answer } from '../../src/answers/index.ts';
import type { Query } from '../../src/answers/query.ts';
import type { Fact, FactBase } from '../../src/domain/types.ts';
import { discordMessage } from '../../src/render/discord.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { displayed, expectWithinLimits } from '../render/discord-limits.ts';
import { realIndex } from '../fixtures/real.ts';

/**
 * Whether two spans of days share one, worked out here from date-fns intervals: an oracle that is
 * independent of the index's own epoch-day arithmetic, which the answers now rely on.
 */
function overlaps(a: DayInterval, b: DayInterval): boolean {
  return a.start.getTime() <= b.end.getTime() && a.end.getTime() >= b.start.getTime();
}

let index: KnowledgeIndex;
let base: FactBase;
beforeAll(async () => {
  index = await realIndex();
  base = index.base;
});

const ask = (q: Query) => answer(index, q);
const facts = (a: Answer) => a.items.flatMap((i) => (i.kind === 'fact' ? [i] : []));
const disputes = (a: Answer) => a.items.flatMap((i) => (i.kind === 'dispute' ? [i] : []));
const notice = (a: Answer) => phraseText(a.notice ?? []);

/** What Discord shows on all pages (escapes resolved), checked against every limit; and the terminal text. */
function texts(a: Answer): { discord: string; terminal: string } {
  const first = discordMessage(a, 0);
  const pages = Array.from({ length: first.pageCount }, (_, i) => discordMessage(a, i));
  for (const p of pages) expectWithinLimits(p.payload);
  const discord = pages.flatMap((p) => p.payload.embeds.map((e) => `${e.title}\n${e.description ?? ''}`)).join('\n');
  return { discord: displayed(discord), terminal: renderTerminal(a, { width: 10_000 }) };
}

function byStart(a: Fact, b: Fact) {
  return datedInterval(a).start.getTime() - datedInterval(b).start.getTime();
}

function inDateOrder(list: readonly Fact[]): boolean {
  return list.every((f, i) => i === 0 || byStart(list[i - 1] as Fact, f) <= 0);
}

describe('/patrol N', () => {
  it('/patrol 22: every fact about the 22nd, cited with quote, source and date', () => {
    const a = ask({ command: 'patrol', number: 22 });
    expect(a.kind).toBe('ok');
    expect(a.title).toBe('The 22nd joint patrol');
    const expected = base.facts.filter((f) => f.patrols.includes(22)).map((f) => f.id).sort();
    expect(facts(a).map((i) => i.cited.fact.id).sort()).toEqual(expected);

    // The fact that names the 22nd patrol, as the base has it.
    const named = base.facts.find((f) => f.patrols.includes(22) && /22nd/.test(f.quote));
    expect(named).toBeDefined();
    const source = base.sourceById.get(named!.source)!;
    const { discord, terminal } = texts(a);
    for (const text of [discord, terminal]) {
      expect(text).toContain(named!.quote);
      expect(text).toContain(source.publisher ?? source.title);
      expect(text).toContain(formatDated(named!).text);
      expect(text).toContain(base.claimantById.get(named!.claimant)!.name);
    }
  });

  it('a fact known to the day counts the days from the 5 March agreement as the base dates it', () => {
    const anchor = findAgreementAnchor(base);
    expect(anchor).toBeDefined();
    const agreement = base.factById.get(anchor!.factId)!;
    expect(agreement.kind).toBe('agreement');
    expect(agreement.date).toBe('2020-03-05');
    const dayFact = facts(ask({ command: 'patrol', number: 22 })).find((i) => i.cited.fact.date === '2020-07-22' && i.cited.fact.date_precision === 'day');
    expect(dayFact?.cited.date.sinceAgreement).toBe('day 139 after the 5 March agreement');
  });

  it('/patrol 26: the numbering dispute is shown as such, with both claims attributed', () => {
    const a = ask({ command: 'patrol', number: 26 });
    // The dispute over how the patrols are counted: one side calls it the 26th, the other counts 25 by September.
    const numbering = base.disputes.find((d) => d.claims.some((id) => base.factById.get(id)?.patrols.includes(26)));
    expect(numbering).toBeDefined();
    const claimQuotes = numbering!.claims.map((id) => base.factById.get(id)!.quote).join('\n');
    expect(claimQuotes).toMatch(/26th/);
    expect(claimQuotes).toMatch(/25 patrols/);
    const shown = disputes(a).find((d) => d.dispute.id === numbering!.id);
    expect(shown).toBeDefined();
    expect(shown!.claims.map((c) => c.fact.id)).toEqual(numbering!.claims);
    // Both sides: a claim from more than one source, each with its own claimant.
    const sources = new Set(shown!.claims.map((c) => c.source.id));
    expect(sources.size).toBeGreaterThan(1);
    const { discord, terminal } = texts(a);
    for (const text of [discord, terminal]) {
      expect(text).toContain(`Sources differ: ${numbering!.title}`);
      for (const c of shown!.claims) expect(text).toContain(c.claimant.name);
    }
    // The disputed facts point to the dispute.
    const marked = facts(a).filter((i) => i.cited.disputes.some((d) => d.id === numbering!.id));
    expect(marked.length).toBeGreaterThan(0);
  });

  it('/patrol 40: plainly no record, and the numbers the base does know', () => {
    const known = [...new Set(base.facts.flatMap((f) => f.patrols))].sort((x, y) => x - y);
    expect(known).not.toContain(40);
    const a = ask({ command: 'patrol', number: 40 });
    expect(a.kind).toBe('not-found');
    expect(a.items).toEqual([]);
    expect(notice(a)).toBe(`No record of patrol 40 in the fact base. Known patrols: ${known.join(', ')}.`);
  });

  it('/patrol: the known patrols in order, each with a date and a one-line cited summary', () => {
    const known = [...new Set(base.facts.flatMap((f) => f.patrols))].sort((x, y) => x - y);
    const a = ask({ command: 'patrol' });
    const listed = a.items.flatMap((i) => (i.kind === 'patrol' ? [i] : []));
    expect(listed.map((p) => p.ordinal)).toEqual(known);
    for (const p of listed) {
      expect(p.summary.fact.patrols).toContain(p.ordinal);
      expect(p.factCount).toBe(base.facts.filter((f) => f.patrols.includes(p.ordinal)).length);
      expect(p.summary.date.text.length).toBeGreaterThan(0);
    }
    // The 25th is dated by what happened to it, not by the later count of "25 patrols" since March.
    const p25 = listed.find((p) => p.ordinal === 25);
    const count = base.facts.find((f) => f.patrols.includes(25) && /25 patrols/.test(f.quote));
    if (p25 && count) {
      expect(p25.summary.fact.id).not.toBe(count.id);
      expect(datedInterval(p25.summary.fact).end.getTime()).toBeLessThan(datedInterval(count).end.getTime());
    }
    const { terminal } = texts(a);
    for (const p of listed) expect(terminal).toContain(`Patrol ${p.ordinal} · ${p.summary.date.text}`);
  });
});

describe('/attacks', () => {
  it('lists every attack in date order and marks attacks on the forces involved as related', () => {
    const a = ask({ command: 'attacks' });
    const listed = facts(a);
    const attacks = base.facts.filter((f) => f.kind === 'attack');
    expect(listed.map((i) => i.cited.fact.id).sort()).toEqual(attacks.map((f) => f.id).sort());
    expect(inDateOrder(listed.map((i) => i.cited.fact))).toBe(true);
    for (const i of listed) expect(i.related === true).toBe(i.cited.fact.attack_target === 'related-forces');
    expect(listed.some((i) => i.related)).toBe(true);
    expect(listed.some((i) => !i.related)).toBe(true);
    expect(texts(a).discord).toContain('related: an attack on the forces involved');
  });

  it('from/to keep the attacks whose dates overlap the range', () => {
    const a = ask({ command: 'attacks', from: 'July 2020', to: 'August 2020' });
    const range = { start: new Date(2020, 6, 1), end: new Date(2020, 7, 31) };
    const expected = base.facts.filter((f) => f.kind === 'attack' && overlaps(datedInterval(f), range));
    expect(facts(a).map((i) => i.cited.fact.id).sort()).toEqual(expected.map((f) => f.id).sort());
    expect(expected.length).toBeLessThan(base.facts.filter((f) => f.kind === 'attack').length);
    expect(notice(a)).toContain('from July 2020 to August 2020');
  });

  it('an ISO day bound works and refuses nothing', () => {
    const a = ask({ command: 'attacks', from: '2020-07-01' });
    expect(a.kind).toBe('ok');
    for (const i of facts(a)) expect(datedInterval(i.cited.fact).end.getTime()).toBeGreaterThanOrEqual(new Date(2020, 6, 1).getTime());
  });

  it('refuses from after to, and dates it cannot read', () => {
    const swapped = ask({ command: 'attacks', from: '2020-09', to: '2020-07' });
    expect(swapped.kind).toBe('invalid-input');
    expect(notice(swapped)).toContain('is after the to date');
    const unreadable = ask({ command: 'attacks', from: 'the day after' });
    expect(unreadable.kind).toBe('invalid-input');
    expect(notice(unreadable)).toContain('I could not read “the day after” as a date for from');
  });

  it('a range with no attacks says so, and is not an error', () => {
    const a = ask({ command: 'attacks', from: '1999-01', to: '1999-02' });
    expect(a.kind).toBe('not-found');
    expect(notice(a)).toContain('no attacks');
  });
});

describe('/where', () => {
  it('ain-hour and Ain al-Hawr are the same place, with its names and facts in date order', () => {
    const one = ask({ command: 'where', place: 'ain-hour' });
    const two = ask({ command: 'where', place: 'Ain al-Hawr' });
    expect(one.kind).toBe('ok');
    expect(one.title).toBe(two.title);
    const place = base.placeById.get('ain-hawr')!;
    expect(one.title).toBe(place.name);
    expect(facts(one).map((i) => i.cited.fact.id)).toEqual(facts(two).map((i) => i.cited.fact.id));
    const expected = base.facts.filter((f) => f.places.includes(place.id));
    expect(facts(one).map((i) => i.cited.fact.id).sort()).toEqual(expected.map((f) => f.id).sort());
    expect(inDateOrder(facts(one).map((i) => i.cited.fact))).toBe(true);
    const { terminal } = texts(one);
    for (const alias of place.aliases) expect(terminal).toContain(alias);
    expect(terminal).toContain(place.region);
    expect(notice(one)).toContain('“ain-hour” is a spelling of Ain Hawr');
  });

  it('every spelling in the gazetteer finds its place', () => {
    for (const place of base.places) {
      for (const spelling of [place.id, place.name, ...place.aliases]) {
        expect(ask({ command: 'where', place: spelling }).title, spelling).toBe(place.name);
      }
    }
  });

  it('a near miss gets "did you mean"; nonsense gets a plain no and a hint', () => {
    const near = ask({ command: 'where', place: 'Ain Hawwr' });
    expect(near.kind).toBe('not-found');
    expect(notice(near)).toMatch(/Did you mean .*Ain Hawr/);
    const none = ask({ command: 'where', place: 'qqqqzzzz' });
    expect(none.kind).toBe('not-found');
    expect(notice(none)).toContain('no place called “qqqqzzzz”');
    expect(phraseText(none.hint ?? [])).toContain('Places the sources talk about include');
  });

  it('blank input asks for a place', () => {
    expect(ask({ command: 'where', place: '  - ' }).kind).toBe('invalid-input');
  });
});

describe('/search', () => {
  it('human shields: the fact that says so, with the matching words and its source', () => {
    const a = ask({ command: 'search', query: 'human shields' });
    expect(a.kind).toBe('ok');
    const [best] = facts(a);
    expect(best?.cited.fact.quote).toMatch(/human shields/i);
    const snippet = best!.snippet!;
    const marked = snippet.highlights.map(([s, e]) => snippet.text.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['human', 'shields']));
    const { discord } = texts(a);
    expect(discord).toContain('**human** **shields**');
    expect(discord).toContain(best!.cited.sourceLabel);
    expect(notice(a)).toContain('“human shields”');
  });

  it('lists the hits first, best first, and the disagreements they touch after them', () => {
    const a = ask({ command: 'search', query: 'human shields' });
    const kinds = a.items.map((i) => i.kind);
    const firstDispute = kinds.indexOf('dispute');
    expect(firstDispute).toBeGreaterThan(0);
    expect(kinds.slice(firstDispute).every((k) => k === 'dispute')).toBe(true);
    expect(a.items[firstDispute - 1]).toEqual({ kind: 'heading', text: 'Where the sources differ' });
  });

  it('empty or meaningless queries get a helpful message', () => {
    for (const q of ['', '   ', '!!! ???', '—']) {
      const a = ask({ command: 'search', query: q });
      expect(a.kind, q).toBe('invalid-input');
      expect(phraseText(a.hint ?? [])).toContain('/search human shields');
    }
  });

  it('words found nowhere give a plain "no facts match"', () => {
    const a = ask({ command: 'search', query: 'xylophone quasar' });
    expect(a.kind).toBe('not-found');
    expect(notice(a)).toBe('No facts match “xylophone quasar”.');
  });
});

describe('/timeline', () => {
  it('everything in date order', () => {
    const a = ask({ command: 'timeline' });
    const listed = facts(a).map((i) => i.cited.fact);
    expect(listed).toHaveLength(base.facts.length);
    expect(inDateOrder(listed)).toBe(true);
  });

  it('filtered to a month, by overlap', () => {
    const a = ask({ command: 'timeline', from: '2020-07', to: 'jul 2020' });
    const july = { start: new Date(2020, 6, 1), end: new Date(2020, 6, 31) };
    const expected = base.facts.filter((f) => overlaps(datedInterval(f), july));
    expect(facts(a).map((i) => i.cited.fact.id).sort()).toEqual(expected.map((f) => f.id).sort());
  });
});

describe('/source', () => {
  const detail = (a: Answer, label: string) => a.items.find((i): i is Extract<AnswerItem, { kind: 'detail' }> => i.kind === 'detail' && i.label === label);

  it('a named publisher, author, dates with reasoning, and every fact from it', () => {
    const source = base.sources.find((s) => s.publisher !== null && s.author)!;
    const a = ask({ command: 'source', id: source.id });
    expect(a.title).toBe(source.title);
    expect(phraseText(detail(a, 'Publisher')!.value)).toBe(source.publisher);
    expect(phraseText(detail(a, 'Author')!.value)).toBe(source.author);
    expect(phraseText(detail(a, 'Published')!.value)).toBe(formatDated(source).text);
    if (source.date_reasoning) expect(detail(a, 'Published')!.note).toBe(source.date_reasoning.trim());
    expect(phraseText(detail(a, 'Language')!.value)).toContain('English');
    const expected = base.facts.filter((f) => f.source === source.id).map((f) => f.id).sort();
    expect(facts(a).map((i) => i.cited.fact.id).sort()).toEqual(expected);
    const parts = detail(a, 'Not part of the article');
    if (source.non_article.length > 0) expect(parts).toBeDefined();
  });

  it('says "not named in the text" for every source whose text names no publisher', () => {
    const unnamed = base.sources.filter((s) => s.publisher === null);
    expect(unnamed.length).toBeGreaterThan(0);
    for (const s of unnamed) {
      const a = ask({ command: 'source', id: s.id });
      expect(phraseText(detail(a, 'Publisher')!.value)).toBe('not named in the text');
      if (s.publisher_note) expect(detail(a, 'Publisher')!.note).toBe(s.publisher_note);
      // Its facts are cited by title instead.
      for (const i of facts(a)) expect(i.cited.sourceLabel).toBe(`“${s.title}”`);
    }
  });

  it('an unknown id lists the sources there are', () => {
    const a = ask({ command: 'source', id: 'no-such-source' });
    expect(a.kind).toBe('not-found');
    expect(a.items.length).toBeGreaterThan(0);
    for (const i of a.items) expect(i.kind === 'detail' && base.sourceById.has(i.label)).toBe(true);
  });
});

describe('/help', () => {
  it('counts what the base holds and shows every command with an example', () => {
    const a = ask({ command: 'help' });
    const { terminal } = texts(a);
    expect(terminal).toContain(`${base.facts.length} facts from ${base.sources.length} sources`);
    expect(terminal).toContain(`${base.disputes.length} recorded disagreement`);
    for (const c of ['/patrol', '/attacks', '/where', '/search', '/timeline', '/source', '/help']) expect(terminal).toContain(c);
    expect(terminal).toContain('/patrol 22');
  });
});

describe('every fact shown is cited', () => {
  it.each<Query>([
    { command: 'patrol', number: 1 },
    { command: 'patrol', number: 21 },
    { command: 'attacks' },
    { command: 'timeline' },
    { command: 'where', place: 'Tronba' },
    { command: 'search', query: 'IED' },
  ])('%j', (q) => {
    const a = ask(q);
    const cited: CitedFact[] = [...facts(a).map((i) => i.cited), ...disputes(a).flatMap((d) => d.claims)];
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      expect(c.source.id).toBe(c.fact.source);
      expect(c.claimant.id).toBe(c.fact.claimant);
      expect(c.date.text).toBe(formatDated(c.fact, findAgreementAnchor(base)).text);
      expect(c.sourceLabel.length).toBeGreaterThan(0);
    }
  });
});
