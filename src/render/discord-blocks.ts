/**
 * Each answer item as a block of Discord markdown. Every piece of text is escaped and capped before
 * markup is put around it, so a block's length is bounded by construction and the markup is never
 * cut in half; the pager only has to fit whole blocks onto pages.
 */
import type { AnswerItem, CitedFact, Phrase, Snippet } from '../answers/answer.ts';
import { plural } from '../answers/cite.ts';
import { escapeMarkdown, escapeUserText } from './escape.ts';
import { truncateWords } from './truncate.ts';

/** Caps on each piece of a block, in characters before escaping. */
const CAPS = {
  statement: 400,
  /** "A short verbatim quote": long quotes are cut at a word with "…". */
  quote: 300,
  disputeQuote: 200,
  name: 160,
  differs: 700,
  /** Dispute titles a fact is marked with, all together. */
  disputeMarker: 500,
  /** A dispute block stops listing claims before it passes this (pages hold 3800). */
  disputeBlock: 3400,
  detail: 900,
  note: 500,
  heading: 180,
  /** What a user typed, echoed back. */
  userEcho: 200,
  phrase: 1500,
} as const;

export interface Block {
  readonly text: string;
  /** Facts, disputes and patrols count toward the per-page item limit; details and headings do not. */
  readonly counts: boolean;
  /** A heading belongs on the page of the item after it. */
  readonly keepWithNext: boolean;
}

/**
 * Text on one line, at most `cap` characters, cut at a word with "…". Only a window of the text is
 * looked at, so a quote of a megabyte costs no more than one of a line.
 */
function oneLine(text: string, cap: number): string {
  const window = text.length > cap * 4 + 16 ? text.slice(0, cap * 4 + 16) : text;
  const collapsed = window.replace(/\s+/g, ' ').trim();
  if (window === text || collapsed.length > cap) return truncateWords(collapsed, cap);
  // Cut before collapsing, and short after it (long runs of spaces): still say it was cut.
  const lastSpace = collapsed.lastIndexOf(' ');
  return `${lastSpace > 0 ? collapsed.slice(0, lastSpace) : collapsed.slice(0, -1)}…`;
}

/** Base text: capped, then escaped. */
function md(text: string, cap: number): string {
  return escapeMarkdown(oneLine(text, cap));
}

/** A phrase as markdown: our text escaped lightly, user text escaped fully and capped first. */
export function phraseMarkdown(phrase: Phrase, cap: number = CAPS.phrase): string {
  const text = phrase
    .map((part) => (typeof part === 'string' ? escapeMarkdown(part) : escapeUserText(oneLine(part.user, CAPS.userEcho))))
    .join('');
  // A phrase carries no markup of its own, so cutting it cannot unbalance any.
  return truncateWords(text, cap);
}

function claimantText(c: CitedFact): string {
  const via = c.reportedVia.length > 0 ? `, via ${c.reportedVia.map((v) => v.name).join(', via ')}` : '';
  return md(c.claimant.name + via, CAPS.name);
}

/** The source of a claim: its publisher (or title), its date, and its id for /source. */
function sourceRef(c: CitedFact): string {
  return `${md(c.sourceLabel, CAPS.name)}, ${md(c.sourceDate.text, CAPS.name)} · \`${c.source.id}\``;
}

function citation(c: CitedFact): string {
  return `— claimed by **${claimantText(c)}** · source: ${sourceRef(c)}`;
}

/** The snippet with its matched words in bold; each piece escaped on its own. */
function snippetMarkdown(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at) continue;
    out += escapeMarkdown(snippet.text.slice(at, start)) + `**${escapeMarkdown(snippet.text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(snippet.text.slice(at));
}

function dateLine(c: CitedFact): string {
  return `**${md(c.date.text, CAPS.name)}**` + (c.date.sinceAgreement ? ` · ${md(c.date.sinceAgreement, CAPS.name)}` : '');
}

function disputeMarker(c: CitedFact): string[] {
  if (c.disputes.length === 0) return [];
  return [`⚖️ _Disputed: ${md(c.disputes.map((d) => d.title).join('; '), CAPS.disputeMarker)}_`];
}

function factBlock(item: Extract<AnswerItem, { kind: 'fact' }>): string {
  const c = item.cited;
  const head = dateLine(c) + (item.related ? ' · _related: an attack on the forces involved, not on a joint patrol_' : '');
  const snippet = item.snippet;
  const statement = snippet?.field === 'statement' ? snippetMarkdown(snippet) : md(c.fact.statement, CAPS.statement);
  const quote = snippet?.field === 'quote' ? snippetMarkdown(snippet) : md(c.fact.quote, CAPS.quote);
  return [head, statement, `> “${quote}”`, citation(c), ...disputeMarker(c)].join('\n');
}

function disputeBlock(item: Extract<AnswerItem, { kind: 'dispute' }>): string {
  const { dispute, claims } = item;
  const lines = [`**⚖️ Sources differ: ${md(dispute.title, CAPS.heading)}**`, md(dispute.differs, CAPS.differs)];
  const note = dispute.note ? `_${md(dispute.note, CAPS.note)}_` : undefined;
  // Claims are listed while they fit, so the block never has to be cut through its markup.
  let size = lines.join('\n').length + (note ? note.length + 1 : 0) + 40;
  let listed = 0;
  for (const c of claims) {
    const line = `• **${claimantText(c)}**, ${md(c.date.text, CAPS.name)}: “${md(c.fact.quote, CAPS.disputeQuote)}” — ${sourceRef(c)}`;
    if (size + line.length + 1 > CAPS.disputeBlock) break;
    lines.push(line);
    size += line.length + 1;
    listed++;
  }
  if (listed < claims.length) lines.push(`_…and ${plural(claims.length - listed, 'more claim')}_`);
  if (note) lines.push(note);
  return lines.join('\n');
}

function patrolBlock(item: Extract<AnswerItem, { kind: 'patrol' }>): string {
  const c = item.summary;
  return [
    `**Patrol ${item.ordinal}** · ${dateLine(c)}`,
    md(c.fact.statement, CAPS.statement),
    `> “${md(c.fact.quote, CAPS.disputeQuote)}”`,
    citation(c),
    `_${plural(item.factCount, 'fact')}: /patrol ${item.ordinal}_`,
  ].join('\n');
}

export function itemBlock(item: AnswerItem): Block {
  switch (item.kind) {
    case 'heading':
      return {
        text: `__**${md(item.text, CAPS.heading)}**__` + (item.note ? ` · _${md(item.note, CAPS.heading)}_` : ''),
        counts: false,
        keepWithNext: true,
      };
    case 'detail':
      return {
        text: `**${md(item.label, CAPS.heading)}:** ${phraseMarkdown(item.value, CAPS.detail)}` + (item.note ? `\n_${md(item.note, CAPS.note)}_` : ''),
        counts: false,
        keepWithNext: false,
      };
    case 'fact':
      return { text: factBlock(item), counts: true, keepWithNext: false };
    case 'dispute':
      return { text: disputeBlock(item), counts: true, keepWithNext: false };
    case 'patrol':
      return { text: patrolBlock(item), counts: true, keepWithNext: false };
  }
}
