/**
 * Every fact's quote must stand verbatim in its source's article text (see article-text.ts for the
 * little that matching forgives).
 */
import type { Fact, KnowledgeIssue } from '../domain/types.ts';
import { normaliseForQuote, type ArticleText } from './article-text.ts';
import type { Located } from './entries.ts';
import { issueAt } from './yaml-file.ts';

/** A fact's quote must be in the article text of its source (`article`; undefined when unknown). */
export function checkQuote(fact: Located<Fact>, article: ArticleText | undefined): KnowledgeIssue[] {
  if (!article) return []; // unknown source or unreadable archive: reported by the reference checks
  const quote = normaliseForQuote(fact.value.quote);
  if (article.searchable.includes(quote)) return [];
  return [issueAt(fact.file, [fact.index, 'quote'], explainMiss(quote, fact.value.source, article))];
}

function explainMiss(quote: string, sourceId: string, article: ArticleText): string {
  const part = article.removed.find((range) => range.searchable.includes(quote));
  if (part) {
    return (
      `quote is in a part of ${article.archivePath} that is not the article (${part.kind}, ${part.lines.includes('-') ? 'lines' : 'line'} ${part.lines}): ` +
      `its names and dates are not facts; quote the article itself`
    );
  }
  const matched = longestMatchingPrefix(quote, article.searchable);
  const where =
    matched < 16
      ? 'not even its opening words are there'
      : `the text matches up to "…${quote.slice(Math.max(0, matched - 30), matched)}" and then differs`;
  return `quote not found verbatim in the article text of source ${sourceId} (${article.archivePath}): ${where}`;
}

/** Length of the longest prefix of `quote` found in `text`; presence is monotonic, so bisect. */
function longestMatchingPrefix(quote: string, text: string): number {
  let low = 0;
  let high = quote.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (text.includes(quote.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}
