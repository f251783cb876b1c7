import { EventEmitter } from 'node:events';

// Every wait in the driver is bounded: a test that waits for something the bot never does fails with a
// message saying what was awaited, instead of hanging until vitest's own timeout.

export const DEFAULT_WAIT_MS = 5_000;

/** Resolves with `check()`'s first non-undefined value, re-checking on every `change` event of `emitter`. */
export function waitUntil<T>(
  emitter: EventEmitter,
  check: () => T | undefined,
  what: string,
  timeoutMs: number = DEFAULT_WAIT_MS,
): Promise<T> {
  let now: T | undefined;
  try {
    now = check();
  } catch (error) {
    return Promise.reject(error);
  }
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const onChange = () => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        cleanup();
        reject(error);
        return;
      }
      if (value !== undefined) {
        cleanup();
        resolve(value);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off('change', onChange);
    };
    emitter.on('change', onChange);
  });
}

/** An EventEmitter whose `change` event wakes up `waitUntil` callers; many waiters may listen at once. */
export function changeEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}
