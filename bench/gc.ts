/**
 * A full garbage collection before memory is read, so that heap numbers are what the index keeps
 * alive and not leftovers of building it. `npm run bench` cannot pass --expose-gc to node, so the flag
 * is set at run time and the gc function fetched from a fresh context.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
}

export function forceGc(): void {
  gc?.();
  gc?.();
}
