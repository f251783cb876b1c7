/**
 * Each card on the real fact base: what must be on it (read from the knowledge files, not written
 * here), what must not (internal ids, repeated citations, "(inferred)" after every date), and how
 * much a reader sees before pressing anything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, panel } from '../../src/answers/index.ts';
import { inlineText, type Answer } from '../../src/answers/answer.ts';
import type { Target } from '../../src/answers/query.ts';
import type { EventRecord, Fact, FactBase } from '../../src/domain/types.ts';
import { periodOf, possibleDays } from '../../src/knowledge/days.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { realIndex } from '../fixtures/real.ts';
import { cardText, customIds, displayed, expectWithinLimits, menuValues, visibleLength, visibleText } from '../render/discord-limits.ts';

let index: KnowledgeIndex;
let base: FactBase;
beforeAll(async () => {
  index = await realIndex();
  base = index.base;
});

const card = (target: Target) => answer(index, target);
const shown = (target: Target) => displayed(visibleText(renderDiscord(card(target))));
const eventsOfPatrol = (n: number) => base.events.filter((e) => e.patrol?.number === n);
const patrolNumbers = () => [...new Set(base.events.flatMap((e) => (e.patrol ? [e.patrol.number] : [])))].sort((a, b) => a - b);

/** Every id in the fact base that a reader must never see in prose. */
function internalIds(): string[] {
  return [...base.facts, ...base.events, ...base.disputes, ...base.sources].map((r) => r.id).filter((id) => id.includes('-'));
}

/** Whether a card shows a ⚖️ line: a point its sources tell differently. */
function showsDisputedLine(target: Target): boolean {
  return card(target).blocks.some((b) => b.kind === 'line' && b.disputed === true);
}

/** Whether each list line of a card is marked ⚖️, with its text. */
function listMarks(target: Target): { text: string; disputed: boolean }[] {
  return card(target).blocks.flatMap((b) => (b.kind === 'item' ? [{ text: inlineText(b.text), disputed: b.disputed === true }] : []));
}

/** The last line of a card's text: its footer, when it has one. */
function footerOf(target: Target): string {
  return cardText(renderDiscord(card(target))).split('\n').at(-1)!;
}

/** The footnote numbers a card's lines cite. */
function citedNumbers(a: Answer): Set<number> {
  const numbers = new Set<number>();
  for (const block of a.blocks) {
    if (!('text' in block) || typeof block.text === 'string') continue;
    for (const part of block.text) if (typeof part === 'object' && 'cite' in part) for (const n of part.cite) numbers.add(n);
  }
  return numbers;
}

/**
 * The footnotes are numbered 1, 2, … in the order the card cites them, one per source its lines
 * cite and no other, and the footer gives each once by the source's short name.
 */
function expectFootnotesAsCited(a: Answer, footer: string): void {
  expect(a.footnotes.map((f) => f.n)).toEqual(a.footnotes.map((_, i) => i + 1));
  expect(new Set(a.footnotes.map((f) => f.sourceId)).size).toBe(a.footnotes.length);
  expect(citedNumbers(a)).toEqual(new Set(a.footnotes.map((f) => f.n)));
  for (const note of a.footnotes) {
    const prefix = `[${note.n}] ${base.sourceById.get(note.sourceId)!.short_name}, `;
    expect(displayed(footer).split(prefix), `${prefix} in ${footer}`).toHaveLength(2);
  }
}

const EVERY_CARD: Target[] = [
  { command: 'patrol' },
  { command: 'attacks' },
  { command: 'timeline' },
  { command: 'help' },
  { command: 'search', query: 'human shields' },
  { command: 'search', query: 'IED' },
  { command: 'where', place: 'ain-hour' },
  { command: 'where', place: 'Latakia' },
  { command: 'where', place: 'Taranba' },
];

describe('/patrol N: one card that answers first', () => {
  it('every patrol on record has a card headed with its number and date, opening with its event’s summary', () => {
    for (const n of patrolNumbers()) {
      const [main] = eventsOfPatrol(n).sort((a, b) => Number(a.kind !== 'patrol') - Number(b.kind !== 'patrol'));
      const a = card({ command: 'patrol', number: n });
      expect(a.kind).toBe('ok');
      expect(a.title).toMatch(new RegExp(`^Patrol ${n} · \\d{1,2}[^\\n]*\\d{4}$|^Patrol ${n} · [A-Z][a-z]+`));
      const first = a.blocks[0]!;
      expect(first.kind === 'para' && inlineText(first.text)).toMatch(new RegExp(`^${escapeRegExp(main!.summary.text)} \\[\\d\\]`));
    }
  });

  it('shows every labelled line of its events, a disputed one with both sides and ⚖️', () => {
    for (const n of patrolNumbers()) {
      const text = shown({ command: 'patrol', number: n });
      for (const line of eventsOfPatrol(n).flatMap((e) => e.lines)) {
        expect(text).toContain(line.label);
        if (line.sides) {
          const [one, two] = line.sides;
          expect(text).toMatch(new RegExp(`\\*\\*${escapeRegExp(line.label)}\\*\\* ⚖️ ${escapeRegExp(one!.text)} (\\[\\d\\])+ vs ${escapeRegExp(two!.text)}`));
        } else expect(text).toContain(line.text!);
      }
    }
  });

  it('cites each source once, as a numbered footnote in small text, by its short name', () => {
    for (const n of patrolNumbers()) {
      const target = { command: 'patrol', number: n } as const;
      const footer = footerOf(target);
      expect(footer.startsWith('-# [1] ')).toBe(true);
      expectFootnotesAsCited(card(target), footer);
      const reports = new Set(eventsOfPatrol(n).flatMap((e) => e.reports));
      const sources = new Set([...reports].map((id) => base.factById.get(id)!.source));
      for (const { sourceId } of card(target).footnotes) expect(sources).toContain(sourceId);
      for (const id of sources) expect(shown(target)).not.toContain(base.sourceById.get(id)!.title);
    }
  });

  it('every card’s footnotes are exactly the sources its lines cite', () => {
    for (const target of EVERY_CARD) expectFootnotesAsCited(card(target), footerOf(target));
  });

  it('says what was inferred once, in the footer, and never "(inferred)" after a date', () => {
    for (const n of patrolNumbers()) {
      const text = shown({ command: 'patrol', number: n });
      expect(text).not.toContain('(inferred)');
      expect(text).not.toMatch(/day \d+ after/);
      for (const event of eventsOfPatrol(n)) {
        if (event.date_basis === 'inferred' && event.date_note) {
          expect(footerOf({ command: 'patrol', number: n })).toContain(event.date_note);
          expect(text.split(event.date_note)).toHaveLength(2);
        }
        if (event.patrol?.basis === 'inferred') expect(footerOf({ command: 'patrol', number: n })).toContain(event.patrol.note!);
      }
    }
  });

  it('offers its quotes, its disputes (counted) and the patrols before and after it as buttons', () => {
    const numbers = patrolNumbers();
    numbers.forEach((n, i) => {
      const ids = customIds(renderDiscord(card({ command: 'patrol', number: n })));
      expect(ids).toContain(`q:patrol:number=${n}`);
      const reports = eventsOfPatrol(n).flatMap((e) => e.reports);
      const disputes = base.disputes.filter((d) => d.claims.some((c) => reports.includes(c)));
      expect(ids.includes(`d:patrol:number=${n}`)).toBe(disputes.length > 0);
      if (disputes.length > 0) expect(shown({ command: 'patrol', number: n })).toContain(disputes.length === 1 ? '1 dispute' : `${disputes.length} disputes`);
      if (i > 0) expect(ids).toContain(`o:patrol:number=${numbers[i - 1]}`);
      if (i < numbers.length - 1) expect(ids).toContain(`o:patrol:number=${numbers[i + 1]}`);
    });
  });

  it('its autocomplete choice gives the date its card heading gives, a span where the date is one', () => {
    for (const n of patrolNumbers()) {
      const heading = card({ command: 'patrol', number: n }).title;
      const choice = index.suggestPatrols(String(n), 25).find((s) => s.value === String(n));
      expect(choice?.name.replace(' — ', ' · '), `patrol ${n}`).toBe(heading);
    }
    // The real base has patrols known only to a span of days: the comparison covers them.
    const known = (n: number) => possibleDays(eventsOfPatrol(n)[0]!)!;
    expect(patrolNumbers().some((n) => known(n).first !== known(n).last)).toBe(true);
  });

  it('an unknown patrol is plainly not on record, with the ones that are and a way to open them', () => {
    const known = new Set(patrolNumbers());
    const missing = Array.from({ length: 999 }, (_, i) => i + 1).find((n) => !known.has(n))!;
    const a = card({ command: 'patrol', number: missing });
    expect(a.kind).toBe('not-found');
    const text = shown({ command: 'patrol', number: missing });
    expect(text).toContain(`Patrols on record: ${patrolNumbers().join(', ')}`);
    expect(menuValues(renderDiscord(a))).toEqual(patrolNumbers().map((n) => `patrol:number=${n}`));
  });
});

describe('/patrol: the list', () => {
  it('one line per patrol on record, each its date and brief, and a menu to open any of them', () => {
    const a = card({ command: 'patrol' });
    const items = a.blocks.filter((b) => b.kind === 'item');
    expect(items).toHaveLength(patrolNumbers().length);
    for (const n of patrolNumbers()) {
      const [main] = eventsOfPatrol(n).sort((x, y) => Number(x.kind !== 'patrol') - Number(y.kind !== 'patrol'));
      expect(shown({ command: 'patrol' })).toContain(main!.brief.text);
    }
    expect(menuValues(renderDiscord(a))).toEqual(patrolNumbers().map((n) => `patrol:number=${n}`));
  });
});

describe('⚖️ in the lists', () => {
  it('/patrol, /timeline and /attacks mark a line exactly when the card it opens shows a disputed line', () => {
    const patrols = listMarks({ command: 'patrol' });
    expect(patrols.map((m) => m.disputed)).toEqual(patrolNumbers().map((n) => showsDisputedLine({ command: 'patrol', number: n })));
    const timeline = listMarks({ command: 'timeline' });
    const events = [...base.events].sort((x, y) => possibleDays(x)!.first - possibleDays(y)!.first || (x.id < y.id ? -1 : 1));
    expect(timeline).toHaveLength(events.length);
    expect(timeline.map((m) => m.disputed)).toEqual(events.map((e) => showsDisputedLine({ command: 'event', id: e.id })));
    // Some are marked and some are not: the test tells the two apart.
    expect(new Set(timeline.map((m) => m.disputed))).toEqual(new Set([true, false]));
  });
});

describe('/attacks: attacks, not reports', () => {
  const attacks = () => base.events.filter((e) => e.kind === 'attack');

  it('one line per attack on a patrol, however many reports tell of it, and the related ones on one small line', () => {
    const onPatrols = attacks().filter((e) => e.target === 'joint-patrol');
    const related = attacks().filter((e) => e.target === 'related-forces');
    const a = card({ command: 'attacks' });
    expect(a.blocks.filter((b) => b.kind === 'item')).toHaveLength(onPatrols.length);
    const text = shown({ command: 'attacks' });
    expect(text).toContain(`${onPatrols.length} attacks on joint patrols on record`);
    expect(text).toContain(`${related.length} related attacks`);
    for (const e of onPatrols) expect(text).toContain(e.brief.text);
    const small = a.blocks.flatMap((b) => (b.kind === 'small' ? [inlineText(b.text)] : [])).find((t) => t.startsWith('Related, not on a patrol'));
    for (const e of related) expect(small).toContain(e.brief.text);
  });

  it('marks an attack whose card shows a disputed line, and opens each attack from its menu', () => {
    const a = card({ command: 'attacks' });
    for (const e of attacks().filter((x) => x.target === 'joint-patrol')) {
      const item = a.blocks.find((b) => b.kind === 'item' && inlineText(b.text).includes(e.brief.text));
      expect(item?.kind === 'item' && item.disputed === true, e.id).toBe(showsDisputedLine({ command: 'event', id: e.id }));
    }
    expect(menuValues(renderDiscord(a))).toHaveLength(attacks().length);
  });

  it('from/to keep the attacks whose possible days overlap the range', () => {
    const a = card({ command: 'attacks', from: '2020-08', to: '2020-08' });
    const inAugust = attacks().filter((e) => {
      const days = possibleDays(e)!;
      return days.last >= possibleDays({ date: '2020-08-01', date_precision: 'day', date_basis: 'stated' })!.first &&
        days.first <= possibleDays({ date: '2020-08-31', date_precision: 'day', date_basis: 'stated' })!.first;
    });
    expect(menuValues(renderDiscord(a))).toHaveLength(inAugust.length);
    expect(card({ command: 'attacks', from: '2019-01', to: '2019-02' }).kind).toBe('not-found');
    expect(card({ command: 'attacks', from: 'August 2020', to: 'July 2020' }).kind).toBe('invalid-input');
  });
});

describe('/where', () => {
  it('names the place once with all its spellings, and lists what happened there, each line cited', () => {
    const place = base.placeById.get('ain-hawr')!;
    for (const typed of ['ain-hour', 'Ain al-Hawr', 'AIN HAWR']) {
      const a = card({ command: 'where', place: typed });
      expect(a.title).toBe(`📍 ${place.name}`);
      const text = shown({ command: 'where', place: typed });
      for (const alias of place.aliases) expect(text.split(alias).length - 1).toBeGreaterThanOrEqual(1);
      for (const fact of index.factsAtPlace(place.id)) expect(text).toContain(fact.statement);
      for (const b of a.blocks) if (b.kind === 'item') expect(inlineText(b.text)).toMatch(/\[\d+\]/);
    }
  });

  it('every spelling in the gazetteer finds its place', () => {
    for (const place of base.places) {
      for (const name of [place.id, place.name, ...place.aliases]) expect(card({ command: 'where', place: name }).title).toBe(`📍 ${place.name}`);
    }
  });

  it('a near miss offers what it might be; nonsense is plainly not a place', () => {
    const near = card({ command: 'where', place: 'Ain Hwar' });
    expect(near.kind).toBe('not-found');
    expect(menuValues(renderDiscord(near))).toContain('where:place=Ain+Hawr');
    expect(card({ command: 'where', place: 'Qwxzy' }).title).toBe('No such place');
    expect(card({ command: 'where', place: '   ' }).kind).toBe('invalid-input');
  });
});

describe('/search', () => {
  it('each match with its statement and citation, and a menu to open any of them', () => {
    const a = card({ command: 'search', query: 'IED' });
    expect(a.kind).toBe('ok');
    const values = menuValues(renderDiscord(a));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^fact:id=/);
  });

  it('casualties: the wounded and the killed are on the card or in its menu, none left out', () => {
    const hurt = base.facts.filter(
      (f) => (f.kind === 'casualties' || f.tags.includes('casualties')) && /\b(?:wounded|injured|killed|died)\b/i.test(f.statement),
    );
    expect(hurt.length).toBeGreaterThan(3);
    const a = card({ command: 'search', query: 'casualties' });
    expect(menuValues(renderDiscord(a))).toEqual(expect.arrayContaining(hurt.map((f) => `fact:id=${f.id}`)));
    expect(shown({ command: 'search', query: 'casualties' })).not.toContain('left out');
  });

  it('a date (2020-08-25, 2020-08): the facts of that very day first, before any that only say its numbers', () => {
    const days = (f: Fact) => possibleDays(f)!;
    const single = base.facts.filter((f) => days(f).first === days(f).last);
    const dates = [...new Set(single.map((f) => f.date))];
    expect(dates.length).toBeGreaterThan(1);
    for (const date of [...dates, ...new Set(dates.map((d) => d.slice(0, 7)))]) {
      const period = periodOf(date)!;
      const within = single.filter((f) => days(f).first >= period.first && days(f).last <= period.last).map((f) => f.id);
      const facts = card({ command: 'search', query: date }).evidence!.facts;
      const first = facts.slice(0, Math.min(within.length, 25));
      expect(first.length, date).toBe(Math.min(within.length, 25));
      for (const id of first) expect(within, `${id} on ${date}`).toContain(id);
    }
  });

  it('empty or wordless input gets a helpful message, words found nowhere a plain no', () => {
    expect(card({ command: 'search', query: '' }).kind).toBe('invalid-input');
    expect(card({ command: 'search', query: '!!! ???' }).kind).toBe('invalid-input');
    expect(card({ command: 'search', query: 'zzqxv' }).kind).toBe('not-found');
  });
});

describe('a fact’s card', () => {
  it('says when the fact belongs to its patrol by our reading, not by its own words', () => {
    let read = 0;
    let stated = 0;
    for (const event of base.events.filter((e) => e.patrol)) {
      const stating = new Set(event.patrol!.stated_in.map((id) => base.factById.get(id)!.source));
      for (const id of event.reports) {
        const fact = base.factById.get(id)!;
        const partOf = card({ command: 'fact', id }).blocks.find((b) => b.kind === 'line' && b.label === 'Part of');
        const text = partOf?.kind === 'line' ? inlineText(partOf.text) : '';
        const label = `Patrol ${event.patrol!.number}`;
        expect(text, id).toContain(label);
        const ours = event.patrol!.basis === 'inferred' || (event.identification_note !== undefined && !stating.has(fact.source));
        const reading = text.slice(text.indexOf(label) + label.length).startsWith(' (our reading: ') || text.includes(`${label} (number inferred)`);
        expect(reading, `${id} in ${event.id}`).toBe(ours);
        if (ours) read++;
        else stated++;
      }
    }
    expect(read).toBeGreaterThan(0);
    expect(stated).toBeGreaterThan(0);
  });

  it('names who claims it by the short name the other cards use', () => {
    for (const fact of base.facts.slice(0, 40)) {
      const line = card({ command: 'fact', id: fact.id }).blocks.find((b) => b.kind === 'line' && b.label === 'Claimed by');
      expect(line?.kind === 'line' && inlineText(line.text), fact.id).toMatch(new RegExp(`^${base.claimantById.get(fact.claimant)!.short_name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});

describe('/timeline, /source, /help', () => {
  it('/timeline: one line per event in date order, and a menu to jump to any month', () => {
    const a = card({ command: 'timeline' });
    expect(menuValues(renderDiscord(a)).every((v) => /^timeline:from=\d{4}-\d{2}&to=\d{4}-\d{2}$/.test(v))).toBe(true);
    // Each month's option counts the events its card lists, those spanning two months in both.
    for (const option of a.menu!.options) {
      const month = card(option.target);
      const lead = month.blocks.find((b) => b.kind === 'para');
      expect(lead && lead.kind === 'para' && inlineText(lead.text), option.label).toMatch(new RegExp(`^${option.description} in ${option.label}`));
    }
    const august = card({ command: 'timeline', from: '2020-08', to: '2020-08' });
    for (const e of base.events.filter((x) => x.date.startsWith('2020-08') && possibleDays(x)!.first === possibleDays(x)!.last)) {
      expect(displayed(visibleText(renderDiscord(august)))).toContain(e.brief.text);
    }
  });

  it('/source: the full citation and the facts it gives, with a menu to open them', () => {
    for (const source of base.sources) {
      const a = card({ command: 'source', id: source.id });
      expect(a.title).toBe(source.title);
      const text = shown({ command: 'source', id: source.id });
      expect(text).toContain(source.publisher ?? 'not named in the text');
      expect(menuValues(renderDiscord(a)).length).toBe(Math.min(25, index.factsFromSource(source.id).length));
      // What the page holds besides the article is named in one plain sentence, each kind once.
      if (source.non_article.length > 0) {
        const line = text.split('\n').find((l) => l.includes('Not quoted'));
        expect(line, source.id).toMatch(/^-# Not quoted, as not part of the article: [a-z' ,]+ on the page\.$/);
        const kinds = new Set(source.non_article.map((p) => p.kind)).size;
        expect(line!.split(': ')[1]!.split(/, | and /).length, source.id).toBe(kinds);
      }
    }
    const unknown = card({ command: 'source', id: 'no-such-source' });
    expect(unknown.kind).toBe('not-found');
    expect(menuValues(renderDiscord(unknown)).length).toBeGreaterThan(0);
  });

  it('/source by its title: as written, in any case and punctuation, in quote marks, begun or misspelt', () => {
    const opens = (typed: string, source: { id: string; title: string }) => {
      const a = card({ command: 'source', id: typed });
      expect(a.kind, typed).toBe('ok');
      expect(a.target, typed).toEqual({ command: 'source', id: source.id });
    };
    const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    for (const source of base.sources) {
      opens(source.title, source);
      opens(source.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '), source);
      opens(`“${source.title.toUpperCase()}”`, source);
      // A letter left out of its longest word.
      const longest = source.title.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
      opens(source.title.replace(longest, longest.slice(0, 2) + longest.slice(3)), source);
      // Its first words, when no other title begins so.
      const words = source.title.split(/\s+/);
      const begun = words.map((_, k) => words.slice(0, k + 1).join(' ')).find((p) => base.sources.filter((s) => `${key(s.title)} `.startsWith(`${key(p)} `)).length === 1);
      if (begun && begun !== source.title) opens(begun, source);
    }
  });

  it('/help: counts what the base holds', () => {
    const text = shown({ command: 'help' });
    expect(text).toContain(`${base.facts.length} facts from ${base.sources.length} sources`);
    expect(text).toContain(patrolNumbers().join(', '));
  });
});

describe('what a reader sees before pressing anything', () => {
  const ONE_SCREEN: Target[] = [
    { command: 'attacks' },
    { command: 'where', place: 'ain-hour' },
    { command: 'where', place: 'Latakia' },
    { command: 'search', query: 'human shields' },
    { command: 'search', query: 'casualties' },
    { command: 'search', query: 'patrol' },
  ];

  it('/patrol N, /attacks, /where X and /search Q: 1,000 characters or fewer, in one message', () => {
    const patrols = patrolNumbers().map((number) => ({ command: 'patrol', number }) as const);
    for (const target of [{ command: 'patrol' } as const, ...patrols, ...ONE_SCREEN]) {
      const message = renderDiscord(card(target));
      expectWithinLimits(message);
      expect(visibleLength(message), JSON.stringify(target)).toBeLessThanOrEqual(1000);
    }
  });

  it('/timeline, /source and /help: 2,000 characters or fewer', () => {
    for (const target of [{ command: 'timeline' }, { command: 'help' }, ...base.sources.map((s) => ({ command: 'source', id: s.id }) as const)] as Target[]) {
      const message = renderDiscord(card(target));
      expectWithinLimits(message);
      expect(visibleLength(message), JSON.stringify(target)).toBeLessThanOrEqual(2000);
    }
  });

  it('no internal id appears in any card or panel, in Discord or in the terminal', () => {
    const ids = internalIds();
    const targets = [
      ...EVERY_CARD,
      ...patrolNumbers().map((number) => ({ command: 'patrol', number }) as const),
      ...base.sources.map((s) => ({ command: 'source', id: s.id }) as const),
      ...base.events.map((e) => ({ command: 'event', id: e.id }) as const),
      ...base.facts.map((f) => ({ command: 'fact', id: f.id }) as const),
    ];
    for (const target of targets) {
      for (const a of [card(target), panel(index, target, 'quotes'), panel(index, target, 'disputes')]) {
        const text = `${displayed(visibleText(renderDiscord(a)))}\n${renderTerminal(a)}`;
        for (const id of ids) expect(text, `${id} in ${JSON.stringify(target)}`).not.toContain(id);
      }
    }
  });

  it('the card’s sources are never written out more than once', () => {
    for (const target of EVERY_CARD) {
      const text = shown(target);
      for (const source of base.sources) expect(text.split(source.title).length - 1, `${source.title} on ${JSON.stringify(target)}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('the panels, one press away', () => {
  it('quotes & sources: every report of the patrol, verbatim, under its numbered source with its full citation', () => {
    for (const n of patrolNumbers()) {
      const text = displayed(cardText(renderDiscord(panel(index, { command: 'patrol', number: n }, 'quotes'))));
      const reports = eventsOfPatrol(n).flatMap((e: EventRecord) => e.reports);
      for (const id of reports) expect(text).toContain(`“${base.factById.get(id)!.quote.replace(/\s+/g, ' ').trim()}”`);
      for (const source of new Set(reports.map((id) => base.factById.get(id)!.source))) expect(text).toContain(base.sourceById.get(source)!.title);
    }
  });

  it('disputes: each dispute of the patrol, with every claim’s quote side by side and the recorded reading', () => {
    for (const n of patrolNumbers()) {
      const reports = eventsOfPatrol(n).flatMap((e) => e.reports);
      const text = displayed(cardText(renderDiscord(panel(index, { command: 'patrol', number: n }, 'disputes'))));
      for (const d of base.disputes.filter((x) => x.claims.some((c) => reports.includes(c)))) {
        expect(text).toContain(d.title);
        for (const claim of d.claims) expect(text).toContain(base.factById.get(claim)!.quote.replace(/\s+/g, ' ').trim());
      }
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
