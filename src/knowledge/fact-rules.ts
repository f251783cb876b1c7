/** Rules about a single fact that involve more than one of its fields. */
import type { Fact, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { issueAt } from './yaml-file.ts';

/** An attack says whom it hit (the joint patrol or related forces); nothing else has a target. */
export function checkAttackTarget(fact: Located<Fact>): KnowledgeIssue[] {
  const { kind, attack_target } = fact.value;
  if (kind === 'attack' && attack_target === undefined) {
    return [
      issueAt(
        fact.file,
        [fact.index, 'attack_target'],
        'is required for kind attack: joint-patrol (the patrol itself was hit) or related-forces',
        [fact.index, 'kind'],
      ),
    ];
  }
  if (kind !== 'attack' && attack_target !== undefined) {
    return [
      issueAt(
        fact.file,
        [fact.index, 'attack_target'],
        `only attacks have an attack_target, and this fact's kind is ${kind}: remove it or make the kind attack`,
      ),
    ];
  }
  return [];
}
