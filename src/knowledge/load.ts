/**
 * The one loader: everything downstream gets its facts from `loadKnowledge`, and can trust them.
 */
import { fileURLToPath } from 'node:url';
import { buildFactBase, type LoadResult } from './build.ts';
import { readKnowledgeFiles } from './files.ts';

export { assembleFactBase, buildFactBase, shortVersion, type FactBaseRecords, type LoadResult } from './build.ts';
export type { KnowledgeFiles } from './files.ts';
export { formatIssue } from './issues.ts';

/** The project's knowledge/ directory, found from this file so it does not depend on the cwd. */
export const DEFAULT_KNOWLEDGE_DIR: string = fileURLToPath(new URL('../../knowledge', import.meta.url));

/**
 * Read, validate and freeze the knowledge in `dir` (default: the project's knowledge/). Problems
 * name files from `cwd` (default: the process's) when `dir` is inside it, else absolutely.
 */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: { readonly cwd?: string } = {}): Promise<LoadResult> {
  const read = await readKnowledgeFiles(dir, options.cwd);
  if (!read.ok) return read;
  return buildFactBase(read.files);
}
