/**
 * The two panels under every card, opened by whoever presses: "Quotes & sources" (each source once,
 * with every quote the card rests on, verbatim, and its full citation) and "N disputes" (each
 * dispute's claims side by side, with the recorded reading). Both are worked out from the card's own
 * target, so any process can answer a press on any card.
 */
import type { Claimant, Fact, FactBase, Source } from '../domain/types.ts';
import type { Answer, Block, Inline } from './answer.ts';
import { noticeAnswer } from './answer.ts';
import { Citations } from './citations.ts';
import { dateText } from './dates.ts';
import { disputesOf } from './event-card.ts';
import { MENU_MAX } from './lists.ts';
import type { Target } from './query.ts';
import { sourceOption } from './source.ts';
import { plural } from './words.ts';

export type PanelName = 'quotes' | 'disputes';

/**
 * Characters of quotes and claims a panel shows; the rest are counted. Discord allows 4,000 in
 * a message, and the panel's title, source headings and readings need their share.
 */
const PANEL_BUDGET = 2900;
/** A panel's readings (how a date or number was worked out) are small print, each cut to this. */
const READING_MAX = 400;

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Who says it, when that is not the outlet itself: "Turkish MoD, via Anadolu". */
function speaker(base: FactBase, fact: Fact, source: Source): string | undefined {
  const claimant: Claimant | undefined = base.claimantById.get(fact.claimant);
  const via = fact.reported_via.flatMap((id) => base.claimantById.get(id)?.short_name ?? []);
  const name = claimant && claimant.short_name !== source.short_name ? claimant.short_name : undefined;
  if (!name && via.length === 0) return undefined;
  return [name ?? source.short_name, ...via.map((v) => `via ${v}`)].join(', ');
}

/** The card's citations, numbered as on the card, so [1] in the panel is [1] on the card. */
function numberedAsCard(card: Answer, base: FactBase): Citations {
  const citations = new Citations(base);
  for (const note of card.footnotes) {
    const source = base.sourceById.get(note.sourceId);
    if (source) citations.number(source);
  }
  return citations;
}

function quotesPanel(card: Answer, base: FactBase, facts: readonly Fact[]): Answer {
  const citations = numberedAsCard(card, base);
  for (const fact of facts) citations.cite([fact.id]);
  const bySource = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = bySource.get(fact.source);
    if (list) list.push(fact);
    else bySource.set(fact.source, [fact]);
  }
  const blocks: Block[] = [];
  let used = 0;
  let left = 0;
  for (const source of citations.sources) {
    const facts = bySource.get(source.id);
    if (!facts) continue;
    // Each quote once, as many as the budget holds; a source none of whose quotes fit gets no
    // heading (a heading over nothing reads as a source with nothing to say).
    const shown: Block[] = [];
    const seen = new Set<string>();
    for (const fact of facts) {
      if (seen.has(fact.quote)) continue;
      seen.add(fact.quote);
      if (used + fact.quote.length > PANEL_BUDGET && used > 0) {
        left++;
        continue;
      }
      used += fact.quote.length;
      const who = speaker(base, fact, source);
      shown.push({ kind: 'quote', text: fact.quote, ...(who ? { by: who } : {}) });
    }
    if (shown.length === 0) continue;
    const by = source.author ? ` by ${source.author}` : '';
    const publisher = source.publisher === source.short_name ? '' : ` · ${source.publisher ?? 'publisher not named in the text'}`;
    const heading: Inline = [{ strong: `[${citations.number(source)}] ${source.short_name}` }, ` · “${source.title}”${publisher}${by} · ${dateText(source, { months: 'short' })}`];
    if (blocks.length > 0) blocks.push({ kind: 'break' });
    blocks.push({ kind: 'subheading', text: heading }, ...shown);
  }
  if (left > 0) {
    // Where the rest are: a source card lists its facts in its menu, each fact's card has its quote;
    // any other card's sources open from this panel's menu.
    const where = card.target.command === 'source' ? 'open a fact from the card’s menu for its quote' : 'open a source from the menu below for its full record';
    blocks.push({ kind: 'small', text: [`${plural(left, 'more quote')}: ${where}.`] });
  }
  // Our words, not the sources': said so, as the disputes panel says it.
  const readings = card.evidence?.readings ?? [];
  if (readings.length > 0) blocks.push({ kind: 'small', text: [`Our reading: ${readings.map((r) => cut(r, READING_MAX)).join(' ')}`] });
  const sources = citations.sources.filter((s) => bySource.has(s.id));
  return {
    target: card.target,
    kind: 'ok',
    title: `${card.title} — quotes & sources`,
    blocks,
    footnotes: [],
    notes: [],
    actions: [],
    menu: { placeholder: 'Full record of a source…', options: sources.slice(0, MENU_MAX).map(sourceOption) },
  };
}

function disputesPanel(card: Answer, base: FactBase, facts: readonly Fact[]): Answer {
  const citations = numberedAsCard(card, base);
  const disputes = disputesOf(
    base,
    facts.map((f) => f.id),
  );
  const blocks: Block[] = [];
  let used = 0;
  const left: string[] = [];
  for (const dispute of disputes) {
    const claims = dispute.claims.flatMap((id) => base.factById.get(id) ?? []);
    const size = dispute.title.length + claims.reduce((n, f) => n + f.quote.length + 40, 0) + (dispute.note?.length ?? 0);
    if (used > 0 && used + size > PANEL_BUDGET) {
      left.push(dispute.title);
      continue;
    }
    used += size;
    if (blocks.length > 0) blocks.push({ kind: 'break' });
    blocks.push({ kind: 'subheading', text: [{ strong: dispute.title }] });
    // One line per claimant and source: the claims side by side, each in its own words.
    const sides = new Map<string, Fact[]>();
    for (const fact of claims) {
      const key = `${fact.source} ${fact.claimant}`;
      const list = sides.get(key);
      if (list) list.push(fact);
      else sides.set(key, [fact]);
    }
    for (const side of sides.values()) {
      const first = side[0]!;
      const who = base.claimantById.get(first.claimant)?.short_name ?? citations.sourceOf(first.id).short_name;
      blocks.push({ kind: 'item', text: [citations.cite([first.id]), ` ${who}: ${side.map((f) => `“${f.quote}”`).join(' ')}`] });
    }
    if (dispute.note) blocks.push({ kind: 'small', text: [`Our reading: ${cut(dispute.note.trim(), READING_MAX)}`] });
  }
  if (left.length > 0) {
    // Named, so that a reader knows what else is disputed; each is whole on the card of a patrol,
    // an attack or a fact it concerns.
    const where = card.target.command === 'source' ? 'open a fact from the card’s menu' : 'open a patrol, an attack or a fact it concerns';
    blocks.push({ kind: 'small', text: [`Also disputed, not shown here: ${left.map((t) => `“${t}”`).join(' · ')}; to read one, ${where}.`] });
  }
  if (disputes.length === 0) blocks.push({ kind: 'para', text: ['The sources behind this card do not disagree on record.'] });
  return {
    target: card.target,
    kind: 'ok',
    title: `⚖️ Where the sources differ: ${card.title}`,
    blocks,
    footnotes: citations.footnotes(),
    notes: [],
    actions: [],
  };
}

/** The panel of the card `card` (the answer to its target). */
export function answerPanel(base: FactBase, card: Answer, panel: PanelName): Answer {
  const facts = (card.evidence?.facts ?? []).flatMap((id) => base.factById.get(id) ?? []);
  if (card.kind !== 'ok' || facts.length === 0) {
    return noticeAnswer(card.target satisfies Target, 'not-found', card.title, ['This card has no quotes or disputes to show.']);
  }
  return panel === 'quotes' ? quotesPanel(card, base, facts) : disputesPanel(card, base, facts);
}
