/**
 * Events as the cards tell them. Most come from the curated records in events.yaml; a fact that no
 * record groups yet still shows up, in an event made from the facts' own statements, so that a
 * maintainer who adds a fact sees it at once (the checker makes sure such facts get a record in the end).
 */
import type { AttackTarget, CardLine, CitedText, Dated, EventKind, EventRecord, Fact, FactBase, FactKind } from '../domain/types.ts';
import { firstPossibleDay, possibleDays } from '../knowledge/days.ts';

export interface EventView {
  /** The record's id; for an event made from facts, `fact-<id>` or `patrol-<n>`. */
  readonly id: string;
  /** False for an event made from facts that no record groups yet. */
  readonly curated: boolean;
  readonly kind: EventKind;
  readonly name: string;
  readonly patrol?: { readonly number: number; readonly inferred: boolean; readonly note?: string };
  readonly target?: AttackTarget;
  readonly dated: Dated;
  /** The days it can have happened on (possibleDays of `dated`), worked out once. */
  readonly days: { readonly first: number; readonly last: number };
  /** Shown once on the card when the date is inferred. */
  readonly dateNote?: string;
  /** Shown once on the card when reports from different sources were grouped by inference. */
  readonly identificationNote?: string;
  readonly reports: readonly Fact[];
  readonly summary: CitedText;
  readonly brief: CitedText;
  readonly lines: readonly CardLine[];
  readonly record?: EventRecord;
}

export interface EventCatalogue {
  /** Every event, in date order (earliest possible day, then id). */
  readonly all: readonly EventView[];
  readonly byId: ReadonlyMap<string, EventView>;
  /** The events that carry each patrol number: the patrol itself first, then what befell it. */
  readonly byPatrol: ReadonlyMap<number, readonly EventView[]>;
  /** Patrol numbers, ascending. */
  readonly patrols: readonly number[];
  /** The events each fact reports. */
  readonly byFact: ReadonlyMap<string, readonly EventView[]>;
}

/**
 * Kinds of fact that tell of one thing happening, which an event made from the fact can stand for
 * until a record groups it. Not patrol facts without a patrol number ("joint patrols were carried
 * out"), military actions or statements: those are claims about the course of things, which the
 * timeline would list as if each were an event.
 */
const EVENTFUL: Partial<Record<FactKind, EventKind>> = {
  attack: 'attack',
  training: 'training',
  agreement: 'agreement',
  humanitarian: 'humanitarian',
};

/** Names and labels for events and lines made from facts: what kind of claim each is. */
const FACT_LABEL: Record<FactKind, string> = {
  patrol: 'Patrol',
  attack: 'Attack',
  casualties: 'Casualties',
  agreement: 'Agreement',
  training: 'Training',
  statement: 'Said',
  'military-action': 'Military action',
  humanitarian: 'Aid mission',
  context: 'Context',
};

/** The order facts are told in an event made from them: the patrol itself, then what befell it. */
const KIND_ORDER: readonly FactKind[] = ['patrol', 'attack', 'casualties', 'military-action', 'training', 'agreement', 'humanitarian', 'statement', 'context'];

/** Most lines an event made from facts shows; the rest are in its quotes panel. */
const MAX_FALLBACK_LINES = 5;
/** A brief is a few words for a list: a statement is cut to this at a word. */
const BRIEF_MAX = 70;

const DATE_FIELDS = ['date', 'date_precision', 'date_earliest', 'date_latest', 'date_basis', 'date_reasoning'] as const;

function datedOf(record: Dated): Dated {
  return Object.fromEntries(DATE_FIELDS.flatMap((f) => (record[f] === undefined ? [] : [[f, record[f]]]))) as unknown as Dated;
}

/** A checked record's possible days (the loader refuses a date that has none). */
function daysOf(record: Dated): { first: number; last: number } {
  return possibleDays(record) ?? { first: Number.NaN, last: Number.NaN };
}

/** Cut a statement to a few words for a list, at a word, marking the cut. */
export function briefOf(text: string, max = BRIEF_MAX): string {
  const chars = [...text.replace(/\.$/, '')];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}

function fromRecord(record: EventRecord, base: FactBase): EventView {
  return {
    id: record.id,
    curated: true,
    kind: record.kind,
    name: record.name,
    ...(record.patrol
      ? { patrol: { number: record.patrol.number, inferred: record.patrol.basis === 'inferred', ...(record.patrol.note ? { note: record.patrol.note } : {}) } }
      : {}),
    ...(record.target ? { target: record.target } : {}),
    dated: datedOf(record),
    days: daysOf(record),
    ...(record.date_basis === 'inferred' && record.date_note ? { dateNote: record.date_note } : {}),
    ...(record.identification_note ? { identificationNote: record.identification_note } : {}),
    reports: record.reports.flatMap((id) => base.factById.get(id) ?? []),
    summary: record.summary,
    brief: record.brief,
    lines: record.lines,
    record,
  };
}

/** An event told from facts' own statements: the first as the summary, the others as lines. */
function fromFacts(id: string, facts: readonly Fact[], name: string, patrol?: number): EventView {
  const ordered = [...facts].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || firstPossibleDay(a) - firstPossibleDay(b));
  const lead = ordered[0]!;
  const attack = ordered.find((f) => f.kind === 'attack');
  const kind: EventKind = patrol !== undefined ? (attack && !ordered.some((f) => f.kind === 'patrol') ? 'attack' : 'patrol') : (EVENTFUL[lead.kind] ?? 'military-action');
  const target = kind === 'attack' ? (attack?.attack_target ?? lead.attack_target ?? 'joint-patrol') : undefined;
  return {
    id,
    curated: false,
    kind,
    name,
    ...(patrol !== undefined ? { patrol: { number: patrol, inferred: false } } : {}),
    ...(target ? { target } : {}),
    dated: datedOf(lead),
    days: daysOf(lead),
    reports: ordered,
    summary: { text: lead.statement, cites: [lead.id] },
    brief: { text: briefOf(lead.statement), cites: [lead.id] },
    lines: ordered.slice(1, 1 + MAX_FALLBACK_LINES).map((f) => ({ label: FACT_LABEL[f.kind], text: f.statement, cites: [f.id] })),
  };
}

function byDate(a: EventView, b: EventView): number {
  return a.days.first - b.days.first || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function build(base: FactBase): EventCatalogue {
  const all: EventView[] = base.events.map((record) => fromRecord(record, base));
  const grouped = new Set(base.events.flatMap((e) => e.reports));
  const numbered = new Set(base.events.flatMap((e) => (e.patrol ? [e.patrol.number] : [])));

  // Facts naming a patrol no record carries: one event per number, told from those facts.
  const ungroupedByPatrol = new Map<number, Fact[]>();
  for (const fact of base.facts) {
    for (const n of fact.patrols) {
      if (numbered.has(n) || grouped.has(fact.id)) continue;
      let list = ungroupedByPatrol.get(n);
      if (!list) ungroupedByPatrol.set(n, (list = []));
      list.push(fact);
    }
  }
  const told = new Set<string>();
  for (const [n, facts] of ungroupedByPatrol) {
    all.push(fromFacts(`patrol-${n}`, facts, `Patrol ${n}`, n));
    for (const fact of facts) told.add(fact.id);
  }
  // Other facts of something happening that no record groups yet: each an event of its own.
  for (const fact of base.facts) {
    const kind = EVENTFUL[fact.kind];
    if (!kind || grouped.has(fact.id) || told.has(fact.id)) continue;
    all.push(fromFacts(`fact-${fact.id}`, [fact], FACT_LABEL[fact.kind]));
  }
  all.sort(byDate);

  const byPatrol = new Map<number, EventView[]>();
  const byFact = new Map<string, EventView[]>();
  for (const view of all) {
    if (view.patrol) {
      let list = byPatrol.get(view.patrol.number);
      if (!list) byPatrol.set(view.patrol.number, (list = []));
      list.push(view);
    }
    for (const fact of view.reports) {
      let list = byFact.get(fact.id);
      if (!list) byFact.set(fact.id, (list = []));
      list.push(view);
    }
  }
  // The patrol itself before the attacks on it, whatever their dates.
  for (const list of byPatrol.values()) list.sort((a, b) => Number(a.kind !== 'patrol') - Number(b.kind !== 'patrol') || byDate(a, b));
  return {
    all,
    byId: new Map(all.map((v) => [v.id, v])),
    byPatrol,
    patrols: [...byPatrol.keys()].sort((a, b) => a - b),
    byFact,
  };
}

/** The fact base is immutable: its events are worked out once. */
const catalogues = new WeakMap<FactBase, EventCatalogue>();

export function eventsOf(base: FactBase): EventCatalogue {
  let catalogue = catalogues.get(base);
  if (!catalogue) {
    catalogue = build(base);
    catalogues.set(base, catalogue);
  }
  return catalogue;
}

/** What an event is called on a line of a list: its patrol number, or its name. */
export function eventLabel(view: EventView): string {
  return view.patrol ? `Patrol ${view.patrol.number}` : view.name;
}
