/**
 * Problems found in the knowledge files, and how they are printed.
 *
 * Every check reports a `KnowledgeIssue` instead of throwing, so one run of the checker lists every
 * problem at once, each pointing at the file and line a maintainer has to open.
 */
import type { KnowledgeIssue } from '../domain/types.ts';

/** `path:line: field: message`, the format editors and terminals turn into clickable locations. */
export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.path}:${issue.line}: ${issue.field}: ${issue.message}`;
}

/** Issues in reading order: by file, then line; checks that found them in other orders stay stable. */
export function sortIssues(issues: readonly KnowledgeIssue[]): KnowledgeIssue[] {
  return [...issues].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The closest of `candidates` to `wanted` when it is plausibly a typo of it, for "did you mean" hints. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every path costs at least `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length]!;
}

/** ` (did you mean "x"?)` when a close candidate exists, else an empty string. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const guess = closest(wanted, candidates);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}
