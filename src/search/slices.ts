/**
 * Work that pauses: builders here are generators that yield every few milliseconds' worth of work.
 * The sync builder runs one straight through; the async builder gives the event loop a turn whenever
 * a time slice is used up — so a running bot keeps answering while it rebuilds, and both builders
 * produce the same index by construction.
 *
 * Why not MiniSearch's `addAllAsync`: it waits a `setTimeout(0)` — at least a millisecond — after
 * every fixed-size chunk, so small chunks add seconds of waiting at 100,000 facts and large ones hold
 * the event loop on a slow machine. Adding facts one by one and yielding by elapsed time gives the
 * loop a turn exactly as often as needed.
 */

export type Steps<T> = Generator<void, T, undefined>;

/** Run a step generator to its end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the async builder may hold the event loop before giving it a turn. */
export const DEFAULT_SLICE_MS = 8;

/** Run a step generator, yielding to the event loop (setImmediate) whenever `sliceMs` is used up. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
