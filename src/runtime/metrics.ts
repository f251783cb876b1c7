/**
 * Prometheus metrics (prom-client) for both transports: interactions by kind, command and
 * outcome, how long answers took, refused HTTP requests by reason, reloads and their result, and
 * the fact base being served. One registry per process (or per server in tests), never prom-client's
 * global one, so two servers in one test process do not share counts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { shortVersion } from '../knowledge/load.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { KnowledgeStore } from './knowledge-store.ts';

/** One interaction as counted: its kind, its command ('' for none) and how it ended. */
export interface InteractionLabels {
  readonly kind: string;
  readonly command: string;
  /** The kind of answer sent (message, update, choices, deferred), or `failed` when none could be. */
  readonly outcome: string;
}

export interface Metrics {
  readonly registry: Registry;
  /** Count one interaction and observe how long its answer took (none is observed for a failure). */
  interaction(labels: InteractionLabels, seconds: number): void;
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
      if (version) this.set({ version: shortVersion(version) }, 1);
    },
  });

  return {
    registry,
    interaction(labels, seconds) {
      interactions.inc({ ...labels });
      if (labels.outcome !== 'failed') latency.observe({ kind: labels.kind, command: labels.command }, seconds);
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
