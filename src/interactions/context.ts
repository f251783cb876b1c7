/** The CommandContext both Discord transports build from a live knowledge store. */
import type { ReloadOutcome } from '../runtime/knowledge-store.ts';
import type { Logger } from '../runtime/logger.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { CommandContext } from './types.ts';

/** What a transport needs of the knowledge store (KnowledgeStore fits; tests may gate it). */
export interface KnowledgeSource {
  readonly current: KnowledgeIndex | null;
  ready(): Promise<KnowledgeIndex>;
  reload(): Promise<ReloadOutcome>;
}

export function storeContext(store: KnowledgeSource, log: Logger): CommandContext {
  return {
    // A getter, so every interaction sees the index current at that moment (reloads swap it).
    get index() {
      return store.current;
    },
    ready: () => store.ready(),
    reload: () => store.reload(),
    log,
  };
}
