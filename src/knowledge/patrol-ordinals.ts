/**
 * `patrols: [25]` says a fact is about the 25th patrol. A quote that has the number only as a count
 * ("have conducted 25 patrols", "four patrols had been carried out") is about how many there were,
 * not about the 25th: filing it under the ordinal puts it on the wrong card.
 */
import type { Fact, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { issueAt } from './yaml-file.ts';

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The English word for 1–99 ("twenty-five"); undefined beyond, where sources write digits. */
function cardinalWord(n: number): string | undefined {
  if (n < 1 || n > 99) return undefined;
  if (n < 20) return ONES[n];
  return TENS[Math.floor(n / 10)]! + (n % 10 === 0 ? '' : `-${ONES[n % 10]}`);
}

/** "first", "twelfth", "twentieth", "twenty-fifth": the ordinal made from the cardinal's last word. */
export function ordinalWord(n: number): string | undefined {
  const cardinal = cardinalWord(n);
  if (cardinal === undefined) return undefined;
  const irregular: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };
  return cardinal.replace(/[a-z]+$/, (last) => irregular[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

/** A word form written with a space or a hyphen between its parts. */
function wordPattern(word: string | undefined): string {
  return word === undefined ? '' : `|${word.replace('-', '[- ]')}`;
}

/** The quote's words that give `n` as a count of patrols, if it never gives `n` as an ordinal. */
export function countNotOrdinal(quote: string, n: number): string | undefined {
  // "21th" is how SouthFront writes the 21st: any suffix is an ordinal.
  const ordinal = new RegExp(`\\b(?:${n}(?:st|nd|rd|th)${wordPattern(ordinalWord(n))})\\b`, 'i');
  if (ordinal.test(quote)) return undefined;
  const count = new RegExp(`\\b(?:${n}${wordPattern(cardinalWord(n))})(?:\\s+[\\w-]+){0,2}?\\s+patrols\\b`, 'i');
  return count.exec(quote)?.[0];
}

export function checkOrdinalsNotCounts(fact: Located<Fact>): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  fact.value.patrols.forEach((n, i) => {
    const count = countNotOrdinal(fact.value.quote, n);
    if (count === undefined) return;
    issues.push(
      issueAt(
        fact.file,
        [fact.index, 'patrols', i],
        `the quote gives ${n} only as a count ("${count}"), not as the ordinal of a patrol: ` +
          `a count is not the patrol with that number; remove ${n} from patrols`,
      ),
    );
  });
  return issues;
}
