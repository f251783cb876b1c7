/** The real fact base in knowledge/ (loaded as the search tests load it) and its index, built once per test file. */
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import { realBase } from '../search/fixtures.ts';

let building: Promise<KnowledgeIndex> | undefined;

export function realIndex(): Promise<KnowledgeIndex> {
  building ??= realBase().then(buildKnowledgeIndex);
  return building;
}
