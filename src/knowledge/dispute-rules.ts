/** A dispute links at least two different facts: the claims that disagree stay side by side. */
import type { Dispute, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { issueAt } from './yaml-file.ts';

export function checkDisputeClaims(dispute: Located<Dispute>): KnowledgeIssue[] {
  const distinct = new Set(dispute.value.claims);
  if (distinct.size < 2) {
    return [
      issueAt(
        dispute.file,
        [dispute.index, 'claims'],
        `a dispute links at least two different facts; this one only has ${[...distinct].join(', ')}`,
      ),
    ];
  }
  const seen = new Set<string>();
  const issues: KnowledgeIssue[] = [];
  dispute.value.claims.forEach((id, i) => {
    if (seen.has(id)) issues.push(issueAt(dispute.file, [dispute.index, 'claims', i], `fact ${id} is listed twice`));
    seen.add(id);
  });
  return issues;
}
