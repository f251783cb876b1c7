/**
 * What both Discord transports report to the metrics about an interaction they answered: its
 * kind, its command (only the bot's own names, so a label never takes arbitrary text) and the kind
 * of answer, timed until the transport had sent it (for a deferred one, its edit). An answer that
 * could not be sent, the edit of a deferred one included, counts as failed instead.
 */
import { commands } from '../interactions/registry.ts';
import type { Incoming, Outgoing } from '../interactions/types.ts';
import type { Metrics } from '../runtime/metrics.ts';

function labelsOf(incoming: Incoming, outcome: string) {
  const named = incoming.kind === 'command' || incoming.kind === 'autocomplete';
  const command = named ? (commands.has(incoming.name) ? incoming.name : 'other') : '';
  return { kind: incoming.kind, command, outcome };
}

/** Count an answer that was sent; started is a performance.now() reading from when the interaction arrived. */
export function observeAnswer(metrics: Metrics, incoming: Incoming, outgoing: Outgoing, started: number): void {
  const seconds = () => (performance.now() - started) / 1000;
  if (outgoing.kind !== 'deferred') return metrics.interaction(labelsOf(incoming, outgoing.kind), seconds());
  outgoing.reply.then(
    () => metrics.interaction(labelsOf(incoming, 'deferred'), seconds()),
    () => metrics.interaction(labelsOf(incoming, 'failed'), seconds()),
  );
}

/** Count an interaction whose answer could not be sent. */
export function observeFailure(metrics: Metrics, incoming: Incoming, started: number): void {
  metrics.interaction(labelsOf(incoming, 'failed'), (performance.now() - started) / 1000);
}
