/**
 * Quotes stand verbatim in the article text: only whitespace and typographic quotes/apostrophes
 * are forgiven, and nothing in a non-article part (reader comments, captions…) counts.
 */
import { describe, expect, it } from 'vitest';
import { normaliseForQuote } from '../../src/knowledge/article-text.ts';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { issuesOf, itReportsEach, mutate, validFiles } from './helpers.ts';

const A = 'facts/alpha-news-patrol.yaml';
const B = 'facts/beta-report.yaml';
const MARCH = 'quote: Officials say the patrols began in March';
const JUNE = 'quote: four patrols had been carried out by the end of June 2020';

function quoteIssue(file: string, from: string, to: string) {
  return issuesOf(mutate(validFiles(), file, from, to));
}

describe('quotes', () => {
  it('accepts a quote that runs over a line break and uses straight quotes for curly ones', () => {
    // fifth-patrol-reached-ain-hawr spans archive lines 5-6; convoy-not-harmed writes "…" for “…”.
    expect(buildFactBase({ root: 'knowledge', files: validFiles() }).ok).toBe(true);
  });

  itReportsEach([
    {
      rule: 'a quote is taken from the reader comments',
      file: A,
      from: MARCH,
      to: 'quote: The patrol really ended in Ariha on Monday.',
      line: 33,
      field: 'facts[2].quote',
      message:
        'quote is in a part of knowledge/archive/alpha-news-patrol.txt that is not the article ' +
        '(reader-comments, lines 12-13): its names and dates are not facts; quote the article itself',
    },
    {
      rule: 'a quote is taken from a photo caption',
      file: B,
      from: JUNE,
      to: 'quote: a convoy on the M4 in 2019',
      line: 16,
      field: 'facts[1].quote',
      message:
        'quote is in a part of knowledge/archive/beta-report.txt that is not the article ' +
        '(photo-caption, line 11): its names and dates are not facts; quote the article itself',
    },
    {
      rule: 'a quote has a changed word (saying where it stops matching)',
      file: B,
      from: JUNE,
      to: 'quote: four patrols had been carried out by the end of July 2020',
      line: 16,
      field: 'facts[1].quote',
      message:
        'quote not found verbatim in the article text of source beta-report (knowledge/archive/beta-report.txt): ' +
        'the text matches up to "…n carried out by the end of Ju" and then differs',
    },
    {
      rule: "a quote's opening words are not in the article at all",
      file: B,
      from: JUNE,
      to: 'quote: five patrols had been carried out by the end of June 2020',
      line: 16,
      field: 'facts[1].quote',
      message:
        'quote not found verbatim in the article text of source beta-report (knowledge/archive/beta-report.txt): ' +
        'not even its opening words are there',
    },
  ]);

  it('does not forgive a change of case', () => {
    const issues = quoteIssue(A, MARCH, 'quote: officials say the patrols began in March');
    expect(issues.map((issue) => [issue.field, issue.line])).toEqual([['facts[2].quote', 33]]);
    expect(issues[0]!.message).toMatch(/^quote not found verbatim in the article text of source alpha-news-patrol/);
  });

  it('does not forgive a dash for a hyphen', () => {
    const issues = quoteIssue(A, 'ministry said, after a six-hour drive', 'ministry said, after a six–hour drive');
    expect(issues.map((issue) => [issue.field, issue.line])).toEqual([['facts[0].quote', 4]]);
  });

  it('does not let a quote bridge a removed part', () => {
    // Archive lines 10 and 13 (article, then a reader comment) are never adjacent article text.
    const files = mutate(validFiles(), 'sources.yaml', 'lines: 12-13', 'lines: "12"');
    // With only line 12 removed, line 13 (the comment) is article text and can be quoted...
    expect(buildFactBase({ root: 'knowledge', files: mutate(files, A, MARCH, `quote: 'Reader42: The patrol really ended'`) }).ok).toBe(true);
    // ...but not joined to line 10 across the removed line 12.
    const bridged = mutate(files, A, MARCH, `quote: 'after the ceasefire agreement. Reader42:'`);
    expect(issuesOf(bridged).map((issue) => issue.field)).toEqual(['facts[2].quote']);
  });
});

describe('normaliseForQuote', () => {
  it('folds whitespace runs (including non-breaking spaces) and typographic quotes, nothing else', () => {
    expect(normaliseForQuote('  “Don’t”\u00a0 said\n\tthe ‘M-4’  ')).toBe(`"Don't" said the 'M-4'`);
    expect(normaliseForQuote('Türkiye – M4…')).toBe('Türkiye – M4…');
  });
});
