/**
 * Double quotation marks in the text we keep and show must pair up: a quote cut in the middle of
 * the source's own quotation (`human shields,” the ministry said`) or a doubled mark (`““`, `""`)
 * reads as a misquotation on a card. A quote also neither starts nor ends with one: cards show every
 * quote inside quotation marks of their own, so `“Training was held,” Polyakov said` would read
 * `““Training…`. Single marks are not judged: ’ is also the apostrophe.
 */
import type { Dispute, EventRecord, Fact, KnowledgeIssue } from '../domain/types.ts';
import { cardTexts } from './card-limits.ts';
import type { Located } from './entries.ts';
import { issueAt, type FieldPath } from './yaml-file.ts';

/** Two marks with nothing between them: a doubled mark or an empty quotation. */
const DOUBLED = /““|””|“”|""/;

/** What is wrong with the double quotation marks of `text`, or undefined when they pair up. */
export function quoteMarkProblem(text: string): string | undefined {
  const doubled = DOUBLED.exec(text);
  if (doubled) return `has a doubled quotation mark (${doubled[0]}) at "…${text.slice(Math.max(0, doubled.index - 20), doubled.index + 2)}"`;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') open++;
    else if (text[i] === '”') {
      if (open === 0) return `closes a quotation it never opened (” at "…${text.slice(Math.max(0, i - 30), i + 1)}"): quote from the opening “ or stop before the ”`;
      open--;
    }
  }
  if (open > 0) return 'opens a quotation (“) it never closes: quote up to the closing ” or start after the “';
  const straight = text.split('"').length - 1;
  if (straight % 2 === 1) return 'has an odd number of straight quotation marks ("): one of them is never closed';
  return undefined;
}

function check(file: Located<unknown>['file'], index: number, texts: readonly [FieldPath, string | undefined][]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const [path, text] of texts) {
    const problem = text === undefined ? undefined : quoteMarkProblem(text);
    if (problem) issues.push(issueAt(file, [index, ...path], problem));
  }
  return issues;
}

const INSIDE = 'quote the words inside the marks; the claimant and reported_via say who said them';

/** What is wrong with how a quote begins or ends, or undefined. */
export function quoteEndsProblem(quote: string): string | undefined {
  const text = quote.trim();
  if (/^["“]/.test(text)) return `starts with a quotation mark, which a card would show doubled inside its own (““…): ${INSIDE}`;
  if (/["”]$/.test(text)) return `ends with a quotation mark, which a card would show doubled inside its own (…””): ${INSIDE}`;
  return undefined;
}

export function checkFactQuoteMarks({ value, file, index }: Located<Fact>): KnowledgeIssue[] {
  const issues = check(file, index, [
    [['quote'], value.quote],
    [['statement'], value.statement],
  ]);
  const ends = issues.some((issue) => issue.field.endsWith('.quote')) ? undefined : quoteEndsProblem(value.quote);
  if (ends) issues.unshift(issueAt(file, [index, 'quote'], ends));
  return issues;
}

export function checkDisputeQuoteMarks({ value, file, index }: Located<Dispute>): KnowledgeIssue[] {
  return check(file, index, [
    [['title'], value.title],
    [['differs'], value.differs],
  ]);
}

/** Every text of an event a card shows. */
export function checkEventQuoteMarks({ value, file, index }: Located<EventRecord>): KnowledgeIssue[] {
  return check(file, index, cardTexts(value).map(({ path, text }) => [path, text]));
}
