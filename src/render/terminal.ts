/**
 * An Answer as plain terminal text: the same content as the Discord message, no markup, full quotes,
 * wrapped to the terminal's width. Control characters are stripped from everything printed, so
 * neither user input nor a knowledge file can move the cursor or recolour the terminal.
 */
import type { Answer, AnswerItem, CitedFact, Phrase } from '../answers/answer.ts';
import { phraseText } from '../answers/answer.ts';
import { plural } from '../answers/cite.ts';
import { removeInvisible } from './invisible.ts';
import { characterBoundary } from './truncate.ts';

export interface TerminalOptions {
  /** Columns to wrap at (default 80; at least 40). */
  readonly width?: number;
}

const INDENT = '  ';

/** Invisible characters and carriage returns removed, tabs made spaces; line breaks are kept for `wrap`. */
function cleanForTerminal(text: string): string {
  return removeInvisible(text.replace(/\t/g, ' ').replace(/\r/g, ''));
}

/** Greedy word wrap; words longer than the line are broken. Each line starts with `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of cleanForTerminal(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w.length > 0)) {
      let rest = word;
      while (rest.length > room) {
        if (line) {
          lines.push(indent + line);
          line = '';
        }
        const cut = characterBoundary(rest, room);
        lines.push(indent + rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= room) line += ` ${rest}`;
      else {
        lines.push(indent + line);
        line = rest;
      }
    }
    lines.push(indent + line);
  }
  return lines.map((l) => l.trimEnd());
}

/** User parts are printed as typed, on one line; the answer's own text already quotes them. */
function phrase(p: Phrase): string {
  return phraseText(p, (s) => s.replace(/\s+/g, ' '));
}

function claimantText(c: CitedFact): string {
  return c.claimant.name + c.reportedVia.map((v) => `, via ${v.name}`).join('');
}

/** The source of a claim: its publisher (or title), its date, and its id for /source. */
function sourceRef(c: CitedFact): string {
  return `${c.sourceLabel}, ${c.sourceDate.text} [${c.source.id}]`;
}

function citation(c: CitedFact): string {
  return `— claimed by ${claimantText(c)}; source: ${sourceRef(c)}`;
}

function dateLine(c: CitedFact): string {
  return c.date.text + (c.date.sinceAgreement ? ` · ${c.date.sinceAgreement}` : '');
}

function itemLines(item: AnswerItem, width: number): string[] {
  switch (item.kind) {
    case 'heading': {
      const text = item.text + (item.note ? ` (${item.note})` : '');
      return [...wrap(text, width), '-'.repeat(Math.min(width, text.length))];
    }
    case 'detail':
      return [...wrap(`${item.label}: ${phrase(item.value)}`, width), ...(item.note ? wrap(item.note, width, INDENT) : [])];
    case 'fact': {
      const c = item.cited;
      const s = item.snippet;
      const lines = wrap(dateLine(c) + (item.related ? ' · related: an attack on the forces involved, not on a joint patrol' : ''), width);
      lines.push(...wrap(s?.field === 'statement' ? s.text : c.fact.statement, width, INDENT));
      lines.push(...wrap(`“${s?.field === 'quote' ? s.text : c.fact.quote}”`, width, INDENT));
      lines.push(...wrap(citation(c), width, INDENT));
      if (c.disputes.length > 0) lines.push(...wrap(`Disputed: ${c.disputes.map((d) => d.title).join('; ')}`, width, INDENT));
      return lines;
    }
    case 'dispute': {
      const lines = wrap(`Sources differ: ${item.dispute.title}`, width);
      lines.push(...wrap(item.dispute.differs, width, INDENT));
      for (const c of item.claims) {
        lines.push(...wrap(`* ${claimantText(c)}, ${c.date.text}: “${c.fact.quote}” — ${sourceRef(c)}`, width, INDENT));
      }
      if (item.dispute.note) lines.push(...wrap(item.dispute.note, width, INDENT));
      return lines;
    }
    case 'patrol': {
      const c = item.summary;
      return [
        ...wrap(`Patrol ${item.ordinal} · ${dateLine(c)}`, width),
        ...wrap(c.fact.statement, width, INDENT),
        ...wrap(`“${c.fact.quote}”`, width, INDENT),
        ...wrap(citation(c), width, INDENT),
        ...wrap(`${plural(item.factCount, 'fact')}: /patrol ${item.ordinal}`, width, INDENT),
      ];
    }
  }
}

export function renderTerminal(answer: Answer, options: TerminalOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const title = cleanForTerminal(answer.title).replace(/\s+/g, ' ');
  const out: string[] = [...wrap(title, width), '='.repeat(Math.min(width, title.length))];
  if (answer.notice && answer.notice.length > 0) out.push(...wrap(phrase(answer.notice), width));
  if (answer.hint && answer.hint.length > 0) out.push(...wrap(phrase(answer.hint), width));
  for (const item of answer.items) out.push('', ...itemLines(item, width));
  return out.join('\n');
}
