/**
 * The project's own knowledge/ passes every check, covers the five articles, and takes nothing
 * from the parts of the archived texts that are not the article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { normaliseForQuote, splitLines } from '../../src/knowledge/article-text.ts';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';

let base: FactBase | undefined;
let problems: string[] = [];

beforeAll(async () => {
  const result = await loadKnowledge();
  if (result.ok) base = result.base;
  else problems = result.issues.map(formatIssue);
});

describe("the project's knowledge/", () => {
  it('passes knowledge:check', () => {
    expect(problems).toEqual([]);
    expect(base).toBeDefined();
  });

  it('covers the five articles with well over 50 facts and records their disagreements', () => {
    expect(base!.sources).toHaveLength(5);
    expect(base!.facts.length).toBeGreaterThan(50);
    expect(base!.disputes.length).toBeGreaterThanOrEqual(1);
    for (const source of base!.sources) {
      expect(base!.facts.some((fact) => fact.source === source.id), `facts from ${source.id}`).toBe(true);
    }
  });

  it('has no fact quoting reader comments or any other non-article part', () => {
    for (const fact of base!.facts) {
      const source = base!.sourceById.get(fact.source)!;
      const quote = normaliseForQuote(fact.quote);
      const article = normaliseForQuote(base!.articleText.get(source.id)!);
      expect(article.includes(quote), `${fact.id}: quote in the article text`).toBe(true);

      // Independently of the loader: the quote is not from the non-article lines, unless the
      // article itself also says it (the SOFREP page repeats its opening after the paywall).
      const lines = splitLines(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, source.archive), 'utf8'));
      for (const part of source.non_article) {
        const [first, last = first] = part.lines.split('-').map(Number);
        const removed = normaliseForQuote(lines.slice(first! - 1, last).join('\n'));
        if (removed.includes(quote)) {
          expect(article.includes(quote), `${fact.id} quotes ${part.kind} (${source.archive}:${part.lines})`).toBe(true);
        }
      }
    }
  });

  it('has an event record for every patrol and every attack, and one per thing the timeline shows', () => {
    const numbers = new Set(base!.facts.flatMap((fact) => fact.patrols));
    for (const n of numbers) {
      expect(base!.events.some((event) => event.patrol?.number === n), `an event of patrol ${n}`).toBe(true);
    }
    for (const fact of base!.facts.filter((f) => f.kind === 'attack')) {
      expect(base!.eventsByFact.get(fact.id), `an event reports the attack ${fact.id}`).not.toEqual([]);
    }
    // Patrols known only because they were attacked have an attack event and no patrol event.
    const kinds = (n: number) => base!.events.filter((event) => event.patrol?.number === n).map((event) => event.kind);
    expect([1, 21, 22, 25, 26].map(kinds)).toEqual([['patrol'], ['attack'], ['patrol'], ['attack'], ['attack']]);
    for (const kind of ['agreement', 'training', 'suspension', 'humanitarian'] as const) {
      expect(base!.events.some((event) => event.kind === kind), kind).toBe(true);
    }
  });

  it('says when it grouped reports by inference, and never numbers a patrol the source does not', () => {
    // The Latakia outlet neither numbers nor dates its patrol; SOFREP's July attack has no number.
    for (const id of ['latakia-first-patrol-arrived-from-idlib', 'sofrep-july-patrol-hit-by-ied']) {
      const fact = base!.factById.get(id)!;
      expect(fact.patrols).toEqual([]);
      const [eventId] = base!.eventsByFact.get(id)!;
      expect(base!.eventById.get(eventId!)!.identification_note).toBeTruthy();
    }
    expect(base!.factById.get('latakia-first-patrol-arrived-from-idlib')!.date_precision).not.toBe('day');
  });

  it('marks the reader comments of every source that has them', () => {
    // The two SouthFront pages carry comment threads and SOFREP a comments prompt: a line from
    // each is in the archived text but must not be in the article text.
    const markers: Record<string, string> = {
      'southfront-first-full-patrol': 'Lone Ranger says:',
      'southfront-second-joint-training': 'These guys think we are stupid or what?!',
      'sofrep-26th-patrol-attacked': 'You must become a subscriber or login to view or post comments',
    };
    const withComments = base!.sources.filter((source) => source.non_article.some((part) => part.kind === 'reader-comments'));
    expect(withComments.map((source) => source.id).sort()).toEqual(Object.keys(markers).sort());
    for (const source of withComments) {
      const marker = markers[source.id]!;
      expect(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, source.archive), 'utf8')).toContain(marker);
      expect(base!.articleText.get(source.id)).not.toContain(marker);
    }
  });
});
