/**
 * What `npm run knowledge:check` says about a load, as data: the one-line summary of a good fact
 * base, or every problem as `path:line: field: message`, grouped by file. The checker prints it; the
 * preview page shows it; both read it from here so they never say different things.
 */
import type { FactBase, KnowledgeIssue } from '../domain/types.ts';
import type { LoadResult } from './build.ts';
import { formatIssue } from './issues.ts';

export interface ProblemFile {
  /** The file, as each problem line names it: from the working directory, or absolute (see reportedRoot). */
  readonly path: string;
  /** Its problems, each `path:line: field: message`, in line order. */
  readonly problems: readonly string[];
}

export type CheckReport =
  | { readonly ok: true; readonly summary: string }
  | { readonly ok: false; readonly problems: number; readonly files: readonly ProblemFile[] };

export function checkReport(result: LoadResult): CheckReport {
  if (result.ok) return { ok: true, summary: summaryLine(result.base) };
  return { ok: false, problems: result.issues.length, files: byFile(result.issues) };
}

/** `ok: 94 facts, 5 sources, 17 places, 17 claimants, 7 disputes, 30 events`. */
function summaryLine({ facts, sources, places, claimants, disputes, events }: FactBase): string {
  const counts = [
    count(facts.length, 'fact'),
    count(sources.length, 'source'),
    count(places.length, 'place'),
    count(claimants.length, 'claimant'),
    count(disputes.length, 'dispute'),
    count(events.length, 'event'),
  ];
  return `ok: ${counts.join(', ')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The loader sorts issues by file and line, so grouping keeps the order they were printed in. */
function byFile(issues: readonly KnowledgeIssue[]): ProblemFile[] {
  const files = new Map<string, string[]>();
  for (const issue of issues) {
    let lines = files.get(issue.path);
    if (!lines) files.set(issue.path, (lines = []));
    lines.push(formatIssue(issue));
  }
  return [...files].map(([path, problems]) => ({ path, problems }));
}
