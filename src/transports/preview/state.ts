/**
 * What the top of the page says, kept up to date from the knowledge store's own events: the
 * checker's report on the files as they are now, the version being served and when it loaded (the
 * last good one while a file is broken), the lists, and the cards that changed with the last reload.
 */
import { EventEmitter } from 'node:events';
import { shortVersion } from '../../knowledge/load.ts';
import { checkReport, type CheckReport } from '../../knowledge/report.ts';
import type { FailedReload, KnowledgeStore } from '../../runtime/knowledge-store.ts';
import { cardLists, type CardLists } from './cards.ts';
import { changedCards, snapshot, type ChangedCard, type Snapshot } from './changes.ts';

export interface PreviewStatus {
  /** Counts up with every reload, good or bad: the page re-asks what it shows when it moves. */
  readonly seq: number;
  /** The files as they are now: the summary, or every problem by file. Null before the first load. */
  readonly health: CheckReport | null;
  /** The version being answered from: the last good one while `health` reports problems. */
  readonly serving: { readonly version: string; readonly loadedAt: string } | null;
  readonly lists: CardLists | null;
  /** The cards that differ between the last two good versions. */
  readonly changed: { readonly from: string; readonly to: string; readonly cards: readonly ChangedCard[] } | null;
}

type Store = Pick<KnowledgeStore, 'current' | 'loadedAt' | 'on' | 'off'>;

export class PreviewState extends EventEmitter<{ change: [PreviewStatus] }> {
  #status: PreviewStatus = { seq: 0, health: null, serving: null, lists: null, changed: null };
  #snapshot: { version: string; cards: Snapshot } | null = null;

  readonly #onReloaded = () => this.#loaded();
  readonly #onFailed = (outcome: FailedReload) => this.#update({ health: checkReport({ ok: false, issues: [...outcome.problems] }) });

  constructor(private readonly store: Store) {
    super();
    store.on('reloaded', this.#onReloaded);
    store.on('failed', this.#onFailed);
    if (store.current) this.#loaded();
  }

  get status(): PreviewStatus {
    return this.#status;
  }

  close(): void {
    this.store.off('reloaded', this.#onReloaded);
    this.store.off('failed', this.#onFailed);
  }

  /** A good load: the same version again (a fix undone, a file touched) or a new one to compare. */
  #loaded(): void {
    const index = this.store.current;
    if (!index) return;
    const version = index.base.version;
    const health = checkReport({ ok: true, base: index.base });
    if (this.#snapshot?.version === version) return this.#update({ health });
    const lists = cardLists(index);
    const cards = snapshot(index, lists);
    const previous = this.#snapshot;
    this.#snapshot = { version, cards };
    this.#update({
      health,
      serving: { version: shortVersion(version), loadedAt: (this.store.loadedAt ?? new Date()).toISOString() },
      lists,
      changed: previous ? { from: shortVersion(previous.version), to: shortVersion(version), cards: changedCards(previous.cards, cards) } : this.#status.changed,
    });
  }

  #update(change: Partial<Omit<PreviewStatus, 'seq'>>): void {
    this.#status = { ...this.#status, ...change, seq: this.#status.seq + 1 };
    this.emit('change', this.#status);
  }
}
