/**
 * Binary search over an array of strings sorted by code unit (`a < b`), the order every sorted key
 * list in this folder uses: a prefix then selects one contiguous range, found in O(log n).
 */

/** First index whose key is ≥ `key`. */
export function lowerBound(keys: readonly string[], key: string, from = 0, to = keys.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [start, end) of keys that start with `prefix`. */
export function prefixRange(keys: readonly string[], prefix: string, from = 0, to = keys.length): [number, number] {
  const start = lowerBound(keys, prefix, from, to);
  // Every key with the prefix sorts before prefix + U+FFFF (no key here contains that code unit).
  const end = lowerBound(keys, prefix + '\uffff', start, to);
  return [start, end];
}

/** Index of `key` or -1. */
export function indexOfKey(keys: readonly string[], key: string): number {
  const at = lowerBound(keys, key);
  return at < keys.length && keys[at] === key ? at : -1;
}

/** Code-unit comparison, for sorting keys into the order the functions above expect. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
