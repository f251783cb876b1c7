/**
 * Prometheus metrics (prom-client) for both transports: interactions by kind, command and
 * outcome, how long answers took, refused HTTP requests by reason, reloads and their result, and
 * the fact base being served. One registry per process (or per server in tests), never prom-client's
 * global one, so two servers in one test process do not share counts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Incoming, Outgoing } from '../interactions/types.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { KnowledgeStore } from './knowledge-store.ts';

/** How an interaction ended: the kind of answer sent, or `failed` when none could be sent. */
export type InteractionOutcome = Outgoing['kind'] | 'failed';

export interface Metrics {
  readonly registry: Registry;
  /** Count one interaction and observe how long its answer took (for a deferred one, until the answer was ready). */
  interaction(incoming: Incoming, outcome: InteractionOutcome, seconds: number): void;
  /** `interaction` for an answer about to be or just sent; a deferred one is timed when its answer is ready. */
  answered(incoming: Incoming, outgoing: Outgoing, startedMs: number): void;
  refused(reason: string): void;
  /** Count the store's reloads by result from now on. */
  countReloads(store: KnowledgeStore): void;
  /** The text a GET /metrics answers, and its content type. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

export interface MetricsOptions {
  /** Whose fact base to report (version and fact count, read at each scrape). */
  readonly knowledge?: { readonly current: KnowledgeIndex | null };
  /** Node's process metrics (memory, CPU, event loop lag, descriptors): on in the entry points, off in tests. */
  readonly processMetrics?: boolean;
  /** Command names worth a label of their own; anything else is counted as `other`, so labels stay few. */
  readonly commandNames?: ReadonlySet<string>;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const interactions = new Counter({
    name: 'm4_interactions_total',
    help: 'Interactions received, by kind, command and outcome',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'm4_answer_duration_seconds',
    help: 'Time from receiving an interaction to its answer being ready',
    labelNames: ['kind', 'command'] as const,
    // Answers take about a millisecond; Discord allows 3 s before a deferral is needed.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'm4_http_refused_total',
    help: 'HTTP requests refused before reaching a command, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'm4_knowledge_reloads_total',
    help: 'Knowledge reloads by result: loaded (a new version), unchanged, or failed (the last good version kept)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const knowledge = options.knowledge;
  new Gauge({
    name: 'm4_knowledge_facts',
    help: 'Facts in the fact base being served (0 before the first load)',
    registers: [registry],
    collect() {
      this.set(knowledge?.current?.base.facts.length ?? 0);
    },
  });
  new Gauge({
    name: 'm4_knowledge_info',
    help: 'The version of the fact base being served, as a label (value 1)',
    labelNames: ['version'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const version = knowledge?.current?.base.version;
      if (version) this.set({ version: version.slice(0, 12) }, 1);
    },
  });

  const commandLabel = (incoming: Incoming): string => {
    if (incoming.kind !== 'command' && incoming.kind !== 'autocomplete') return '';
    return !options.commandNames || options.commandNames.has(incoming.name) ? incoming.name : 'other';
  };

  return {
    registry,
    interaction(incoming, outcome, seconds) {
      const command = commandLabel(incoming);
      interactions.inc({ kind: incoming.kind, command, outcome });
      if (outcome !== 'failed') latency.observe({ kind: incoming.kind, command }, seconds);
    },
    answered(incoming, outgoing, startedMs) {
      const seconds = () => (performance.now() - startedMs) / 1000;
      if (outgoing.kind !== 'deferred') return this.interaction(incoming, outgoing.kind, seconds());
      outgoing.data.then(
        () => this.interaction(incoming, 'deferred', seconds()),
        () => this.interaction(incoming, 'failed', seconds()),
      );
    },
    refused(reason) {
      refusals.inc({ reason });
    },
    countReloads(store) {
      store.on('reloaded', (outcome) => reloads.inc({ result: outcome.changed ? 'loaded' : 'unchanged' }));
      store.on('failed', () => reloads.inc({ result: 'failed' }));
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
