/**
 * Refused requests, counted per reason and logged as one line per interval: a flood of forged
 * requests (3,400 of them gave 3,400 warnings) becomes one line with a count per reason, and
 * nothing of what the requests carried reaches the log.
 */
import type { Logger } from '../../runtime/logger.ts';

export type RefusalReason =
  | 'missing headers'
  | 'malformed signature'
  | 'malformed timestamp'
  | 'stale timestamp'
  | 'bad signature'
  | 'too large'
  | 'body timeout'
  | 'busy'
  | 'too many connections'
  | 'not json'
  | 'not an interaction'
  | 'options too deep'
  | 'replay';

export interface Refusals {
  count(reason: RefusalReason): void;
  /** Log what was counted since the last line, if anything. */
  flush(): void;
}

export function createRefusals(log: Logger, intervalMs: number, onRefusal: (reason: RefusalReason) => void = () => {}): Refusals {
  let counts = new Map<RefusalReason, number>();
  let timer: NodeJS.Timeout | null = null;
  let since = Date.now();

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (counts.size === 0) return;
    const refused = Object.fromEntries(counts);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    counts = new Map();
    log.warn({ refused, seconds: Math.round((Date.now() - since) / 1000) }, `refused ${total} request${total === 1 ? '' : 's'}`);
  }

  return {
    count(reason) {
      onRefusal(reason);
      if (counts.size === 0) since = Date.now();
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
      if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
