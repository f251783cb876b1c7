/**
 * Deterministic synthetic knowledge of any size, shaped like the real fact base: ~40-word statements
 * built from the domain's phrases, verbatim quotes that really occur in each source's article text,
 * places with transliteration aliases (and the real gazetteer among them), patrol ordinals with
 * dates, tags, and every date precision. Same seed, same knowledge.
 */
import { ordinal } from '../src/answers/words.ts';
import { dateText } from '../src/answers/dates.ts';
import type { Claimant, Dispute, EventRecord, Fact, Place, Source } from '../src/domain/types.ts';
import { dayNumber, isoDay, possibleDays } from '../src/knowledge/days.ts';
import { nameKey } from '../src/text/normalise.ts';
import { createRandom, Zipf, type Random } from './prng.ts';
import { ACTORS, OUTCOMES, PUBLISHERS, TAGS, VEHICLES, WEAPONS, pseudoWord } from './vocabulary.ts';

export interface SyntheticKnowledge {
  readonly places: Place[];
  readonly sources: Source[];
  readonly claimants: Claimant[];
  readonly facts: Fact[];
  readonly disputes: Dispute[];
  /** One event record: the loader requires events.yaml to list at least one. */
  readonly events: EventRecord[];
  /** Article text per source id: contains every quote of the source's facts verbatim. */
  readonly articles: Map<string, string>;
  /** Highest patrol ordinal used. */
  readonly maxPatrol: number;
}

export interface SyntheticOptions {
  readonly facts: number;
  readonly seed?: number;
  /** Places and claimants that must be part of the base (the real gazetteer), kept as they are. */
  readonly basePlaces?: readonly Place[];
  readonly baseClaimants?: readonly Claimant[];
}

// Days are whole UTC day numbers, as the loader counts them, so the knowledge is the same in every time zone.
const AGREEMENT_DAY = dayNumber('2020-03-05')!;
const PLACE_PREFIXES = ['Ain', 'Tell', 'Kafr', 'Deir', 'Jisr', 'Maarat', 'Khan', 'Abu', 'Bab', 'Jabal', 'Qalaat', 'Beit', 'Ras', 'Umm'];
const PREFIX_VARIANTS: Record<string, string[]> = {
  Ain: ['Ayn', 'Ein'],
  Tell: ['Tal', 'Tel'],
  Kafr: ['Kfar', 'Kefr'],
  Deir: ['Dayr', 'Dair'],
  Maarat: ['Maarrat', "Ma'arat"],
  Qalaat: ["Qal'at", 'Kalaat'],
  Beit: ['Bayt', 'Bait'],
};
const GOVERNORATES = ['Idlib', 'Latakia', 'Aleppo', 'Hama', 'Raqqa', 'Hasakah'];

/** "22 July 2020", written as the answers write a day. */
function longDay(day: number): string {
  return dateText({ date: isoDay(day), date_precision: 'day', date_basis: 'stated' });
}

/** Transliteration variants of a root: ou↔u, ee↔i, ay↔ai, q↔k, doubled vowels. */
function rootVariants(root: string): string[] {
  const rules: Array<[RegExp, string]> = [
    [/ou/g, 'u'],
    [/ee/g, 'i'],
    [/ay/g, 'ai'],
    [/q/gi, 'k'],
    [/aa/g, 'a'],
    [/kh/gi, 'h'],
    [/(?<!o)u/g, 'ou'],
  ];
  const out: string[] = [];
  for (const [pattern, replacement] of rules) {
    const variant = root.replace(pattern, replacement);
    if (variant !== root) out.push(variant.charAt(0).toUpperCase() + variant.slice(1));
  }
  return out;
}

/** Every place but a country lies within another (the loader checks it): generated places lie in Syria. */
const SYRIA: Place = { id: 'syria', name: 'Syria', kind: 'country', region: 'Syria', aliases: [] };

function generatePlaces(random: Random, count: number, given: readonly Place[]): Place[] {
  const existing = given.some((place) => place.id === SYRIA.id) ? given : [...given, SYRIA];
  const usedKeys = new Set<string>();
  const usedIds = new Set<string>();
  for (const place of existing) {
    usedIds.add(place.id);
    for (const name of [place.id, place.name, ...place.aliases]) usedKeys.add(nameKey(name));
  }
  const places: Place[] = [...existing];
  let attempts = 0;
  while (places.length < existing.length + count && attempts < count * 50) {
    attempts++;
    const root = pseudoWord(random);
    const prefix = random.chance(0.55) ? random.pick(PLACE_PREFIXES) : null;
    const name = prefix ? `${prefix} ${root}` : root;
    const id = nameKey(name).replace(/ /g, '-');
    if (usedIds.has(id) || usedKeys.has(nameKey(name))) continue;
    const candidates = new Set<string>();
    const prefixes = prefix ? [prefix, ...(PREFIX_VARIANTS[prefix] ?? [])] : [''];
    for (const variantRoot of [root, ...rootVariants(root)]) {
      for (const p of prefixes) {
        candidates.add(p ? `${p} ${variantRoot}` : variantRoot);
        if (p && random.chance(0.3)) candidates.add(`${p} al-${variantRoot}`);
      }
      if (!prefix && random.chance(0.4)) candidates.add(`Al-${variantRoot}`);
    }
    const aliases: string[] = [];
    const keys = new Set([nameKey(name)]);
    for (const candidate of random.sample([...candidates], candidates.size)) {
      const key = nameKey(candidate);
      if (aliases.length >= 5 || keys.has(key) || usedKeys.has(key)) continue;
      keys.add(key);
      aliases.push(candidate);
    }
    for (const key of keys) usedKeys.add(key);
    usedIds.add(id);
    const governorate = random.pick(GOVERNORATES);
    places.push({
      id,
      name,
      kind: random.pick(['village', 'village', 'village', 'town', 'town', 'city', 'military-post'] as const),
      region: `${random.pick(['northern', 'southern', 'eastern', 'western', 'rural'])} ${governorate} province, Syria`,
      aliases,
      within: SYRIA.id,
    });
  }
  return places;
}

function generateClaimants(random: Random, existing: readonly Claimant[]): Claimant[] {
  const claimants: Claimant[] = [...existing];
  const ids = new Set(existing.map((c) => c.id));
  for (let i = 0; claimants.length < existing.length + 40; i++) {
    const person = `${pseudoWord(random)} ${pseudoWord(random)}`;
    const role = random.pick(['spokesman of the', 'commander of the', 'officer of the', 'envoy of the']);
    const unit = random.pick(['Russian Reconciliation Centre', 'Turkish Land Forces', 'Syrian Arab Army', 'National Front for Liberation', 'Idlib Civil Defence']);
    const id = `${nameKey(person).replace(/ /g, '-')}-${i}`;
    if (ids.has(id)) continue;
    ids.add(id);
    claimants.push({
      id,
      name: `${person}, ${role} ${unit}`,
      short_name: person.slice(0, 32),
      kind: random.pick(['official', 'military', 'media', 'government', 'armed-group'] as const),
    });
  }
  return claimants;
}

/** Any spelling a source might use for a place: its name most often, otherwise an alias. */
function spelling(random: Random, place: Place): string {
  if (place.aliases.length === 0 || random.chance(0.6)) return place.name;
  return random.pick(place.aliases);
}

interface FactContext {
  readonly random: Random;
  readonly places: readonly Place[];
  readonly patrol: number | null;
  readonly person: string;
  readonly day: number;
}

const STATEMENT_CLAUSES: Array<(c: FactContext) => string> = [
  (c) => `${cap(c.random.pick(ACTORS))} and ${c.random.pick(ACTORS)} conducted ${c.patrol ? `the ${ordinal(c.patrol)} joint patrol` : 'a joint patrol'} on the M4 highway from ${spelling(c.random, c.places[0]!)} towards ${spelling(c.random, c.places.at(-1)!)}.`,
  (c) => `The convoy of ${c.random.int(4, 30)} vehicles, including ${c.random.pick(VEHICLES)} and ${c.random.pick(VEHICLES)} armoured cars, covered about ${c.random.int(5, 70)} kilometres of the route.`,
  (c) => `${cap(c.random.pick(WEAPONS))} struck the column near ${spelling(c.random, c.places[0]!)} and ${c.random.pick(OUTCOMES)}, according to ${c.person}.`,
  (c) => `${cap(c.random.pick(ACTORS))} responded with ${c.random.pick(['airstrikes', 'artillery shelling', 'drone strikes', 'rocket fire'])} on positions south of ${spelling(c.random, c.places[0]!)} within hours.`,
  (c) => `Officials said the ${c.random.pick(['route', 'security corridor', 'highway section', 'observation post'])} near ${spelling(c.random, c.places.at(-1)!)} had been cleared of mines by ${c.random.pick(ACTORS)} before the patrol.`,
  (c) => `The patrol took place on ${longDay(c.day)}, ${c.day - AGREEMENT_DAY} days after the Moscow agreement of 5 March.`,
  (c) => `${cap(c.person)} stated that ${c.random.pick(ACTORS)} used civilians as human shields during protests against the patrols near ${spelling(c.random, c.places[0]!)}.`,
  (c) => `Residents of ${spelling(c.random, c.places[0]!)} reported that ${c.random.pick(OUTCOMES)} and that ${c.random.pick(ACTORS)} closed the road for ${c.random.int(2, 12)} hours.`,
  (c) => `A joint training exercise on countering attacks on convoys was held at ${spelling(c.random, c.places[0]!)} with ${c.random.pick(ACTORS)} taking part.`,
  (c) => `The ${c.random.pick(['Turkish', 'Russian'])} defence ministry denied reports that ${c.random.pick(OUTCOMES)}, calling them fabricated by ${c.person}.`,
];

const QUOTE_CLAUSES: Array<(c: FactContext) => string> = [
  (c) => `The ${c.patrol ? ordinal(c.patrol) : 'latest'} joint ground patrol was carried out on the M4 highway between ${spelling(c.random, c.places[0]!)} and ${spelling(c.random, c.places.at(-1)!)} with the participation of land and air elements`,
  (c) => `A vehicle in the convoy has been ${c.random.pick(['slightly', 'heavily', 'partly'])} damaged due to the explosion that took place near ${spelling(c.random, c.places[0]!)}`,
  (c) => `${cap(c.random.pick(ACTORS))} were attacked with ${c.random.pick(WEAPONS)} while moving along the route, ${c.random.pick(OUTCOMES)}`,
  (c) => `Militants are using civilians as human shields to prevent the patrols from passing ${spelling(c.random, c.places[0]!)}, ${c.person} said`,
  (c) => `The joint patrol reached ${spelling(c.random, c.places.at(-1)!)} and returned without incident after ${c.random.int(2, 6)} hours`,
  (c) => `According to ${c.person}, ${c.random.pick(OUTCOMES)} after the ${c.random.pick(['blast', 'ambush', 'shelling', 'protest'])} on the highway`,
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Compose clauses until the text reaches `words` words. */
function compose(random: Random, clauses: Array<(c: FactContext) => string>, context: FactContext, words: number, joiner: string): string {
  const parts: string[] = [];
  let count = 0;
  const order = random.sample(clauses.map((_, i) => i), clauses.length);
  for (const i of order) {
    if (count >= words) break;
    const part = clauses[i]!(context);
    parts.push(part);
    count += part.split(' ').length;
  }
  return parts.join(joiner);
}

const KIND_WEIGHTS: Array<[Fact['kind'], number]> = [
  ['patrol', 35],
  ['attack', 15],
  ['casualties', 8],
  ['statement', 12],
  ['military-action', 10],
  ['training', 5],
  ['humanitarian', 5],
  ['context', 8],
  ['agreement', 2],
];

function pickKind(random: Random): Fact['kind'] {
  let roll = random.next() * 100;
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'context';
}

/** The date fields of a fact around `day`, in one of the precisions the schema allows. */
function dateFields(random: Random, day: number): Pick<Fact, 'date' | 'date_precision' | 'date_earliest' | 'date_latest' | 'date_basis' | 'date_reasoning'> {
  const roll = random.next();
  const inferred = random.chance(0.2);
  const basis = inferred
    ? { date_basis: 'inferred' as const, date_reasoning: 'Worked out from the publication date and the weekday the source names.' }
    : { date_basis: 'stated' as const };
  if (roll < 0.6) return { date: isoDay(day), date_precision: 'day', ...basis };
  if (roll < 0.75) return { date: isoDay(day).slice(0, 7), date_precision: 'month', ...basis };
  if (roll < 0.85) {
    const earliest = day - random.int(0, 3);
    return { date: isoDay(day), date_precision: 'week', date_earliest: isoDay(earliest), date_latest: isoDay(earliest + 6), ...basis };
  }
  if (roll < 0.95) {
    const earliest = day - random.int(1, 10);
    return { date: isoDay(day), date_precision: 'approximate', date_earliest: isoDay(earliest), date_latest: isoDay(day + random.int(1, 10)), ...basis };
  }
  return { date: isoDay(day).slice(0, 4), date_precision: 'year', ...basis };
}

export function generateKnowledge(options: SyntheticOptions): SyntheticKnowledge {
  const random = createRandom(options.seed ?? 0x4d345041);
  const factCount = options.facts;
  const placeCount = Math.max(30, Math.min(2500, Math.round(factCount / 40)));
  const places = generatePlaces(random, placeCount, options.basePlaces ?? []);
  const claimants = generateClaimants(random, options.baseClaimants ?? []);
  const maxPatrol = Math.min(999, Math.max(30, Math.round(factCount / 100)));
  const patrolSpacingDays = 900 / maxPatrol;
  const people = Array.from({ length: Math.max(50, Math.round(factCount / 5)) }, () => `${random.pick(['Colonel', 'General', 'Major', 'spokesman', 'commander', 'Sheikh'])} ${pseudoWord(random)}`);
  const placeZipf = new Zipf(places.length, 0.9);
  const personZipf = new Zipf(people.length, 1.0);

  const sourceCount = Math.max(5, Math.min(4000, Math.round(factCount / 25)));
  const sources: Source[] = [];
  const quotesBySource = new Map<string, string[]>();
  for (let i = 0; i < sourceCount; i++) {
    const publisher = random.chance(0.9) ? random.pick(PUBLISHERS) : null;
    const place = places[placeZipf.draw(random)]!;
    const day = AGREEMENT_DAY + random.int(10, 900);
    const title = cap(
      random.pick([
        `${cap(random.pick(ACTORS))} hold joint patrol near ${place.name}`,
        `Joint patrol on M4 attacked near ${place.name}`,
        `${random.pick(['Turkey', 'Russia'])} says patrols on the M4 will continue despite attacks`,
        `Explosion hits Russian-Turkish convoy at ${place.name}`,
        `New joint training against attacks on convoys in ${random.pick(GOVERNORATES)}`,
      ]),
    );
    const id = `src-${i.toString().padStart(5, '0')}-${nameKey(place.name).replace(/ /g, '-')}`;
    sources.push({
      id,
      title,
      publisher,
      short_name: (publisher ?? 'unnamed outlet').slice(0, 32),
      ...(publisher ? {} : { publisher_note: 'The page never names its outlet.' }),
      language: 'en',
      kind: random.pick(['news-article', 'news-article', 'press-release', 'analysis'] as const),
      archive: `archive/${id}.txt`,
      non_article: [],
      date: isoDay(day),
      date_precision: 'day',
      date_basis: 'stated',
    });
    quotesBySource.set(id, []);
  }

  const facts: Fact[] = [];
  // A source is published on or after the last day any event it reports can fall on (the loader
  // checks that no fact's possible days run past its source's publication).
  const lastEventDay = new Map<string, number>();
  for (let i = 0; i < factCount; i++) {
    const kind = pickKind(random);
    const patrol = kind === 'patrol' || kind === 'attack' || random.chance(0.3) ? random.int(1, maxPatrol) : null;
    const day = AGREEMENT_DAY + (patrol ? 10 + Math.round((patrol - 1) * patrolSpacingDays) : random.int(0, 900));
    const factPlaces = [...new Set(Array.from({ length: random.int(1, 3) }, () => places[placeZipf.draw(random)]!))];
    const person = people[personZipf.draw(random)]!;
    const context: FactContext = { random, places: factPlaces, patrol, person, day };
    const source = sources[i % sourceCount]!;
    const quote = compose(random, QUOTE_CLAUSES, context, 22, '. ');
    quotesBySource.get(source.id)!.push(quote);
    const fact: Fact = {
      id: `fact-${i.toString().padStart(6, '0')}`,
      statement: compose(random, STATEMENT_CLAUSES, context, 30, ' '),
      quote,
      source: source.id,
      claimant: random.pick(claimants).id,
      reported_via: random.chance(0.2) ? [random.pick(claimants).id] : [],
      kind,
      ...(kind === 'attack' ? { attack_target: random.chance(0.7) ? ('joint-patrol' as const) : ('related-forces' as const) } : {}),
      patrols: patrol ? [patrol] : [],
      places: factPlaces.map((p) => p.id),
      tags: random.sample(TAGS, random.int(1, 3)),
      ...dateFields(random, day),
    };
    facts.push(fact);
    const last = possibleDays(fact)!.last;
    if (last > (lastEventDay.get(source.id) ?? -Infinity)) lastEventDay.set(source.id, last);
  }
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    const last = lastEventDay.get(source.id);
    if (last !== undefined) sources[i] = { ...source, date: isoDay(last + random.int(0, 3)) };
  }

  const articles = new Map<string, string>();
  for (const source of sources) {
    const paragraphs = [source.title, ''];
    for (const quote of quotesBySource.get(source.id)!) paragraphs.push(`${quote}.`, '');
    paragraphs.push('The situation along the highway remained tense, observers said.');
    articles.set(source.id, paragraphs.join('\n'));
  }

  const disputes: Dispute[] = [];
  for (let i = 0; i + 1 < facts.length && disputes.length < factCount / 200; i += 97) {
    disputes.push({
      id: `dispute-${disputes.length}`,
      title: 'Sources differ on what happened',
      differs: 'The casualty count differs between the claims.',
      aspect: 'casualties',
      claims: [facts[i]!.id, facts[i + 1]!.id],
    });
  }
  return { places, sources, claimants, facts, disputes, events: oneEvent(facts), articles, maxPatrol };
}

/**
 * The one event of the synthetic base, reporting its first fact of a kind events have that names no
 * patrol (facts naming a patrol would then all need an event of that patrol). Built without the
 * random generator, so that it changes nothing else of the knowledge for a seed.
 */
function oneEvent(facts: readonly Fact[]): EventRecord[] {
  const kinds: readonly string[] = ['training', 'agreement', 'humanitarian', 'military-action'];
  const fact = facts.find((f) => f.patrols.length === 0 && kinds.includes(f.kind));
  if (!fact) return [];
  const cited = { cites: [fact.id] };
  return [
    {
      id: 'event-0',
      kind: fact.kind as EventRecord['kind'],
      name: 'A development on the highway',
      date: fact.date,
      date_precision: fact.date_precision,
      ...(fact.date_earliest === undefined ? {} : { date_earliest: fact.date_earliest }),
      ...(fact.date_latest === undefined ? {} : { date_latest: fact.date_latest }),
      date_basis: fact.date_basis,
      ...(fact.date_reasoning === undefined ? {} : { date_reasoning: fact.date_reasoning, date_note: 'date inferred' }),
      places: fact.places,
      actors: [],
      reports: [fact.id],
      summary: { text: 'A source reported a development along the highway.', ...cited },
      brief: { text: 'a development along the highway', ...cited },
      lines: [],
    },
  ];
}
