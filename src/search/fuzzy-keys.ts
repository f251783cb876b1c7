/**
 * Bounded edit distance from a query to every key of a sorted key list, without comparing against
 * every key: keys that share a prefix share the rows of the distance table (as in a trie walk), and a
 * prefix whose whole row is already over the bound rules out every key that starts with it, which
 * binary search then skips in one step. Cost therefore follows how many keys are *close*, not how
 * many there are.
 *
 * The distance is optimal string alignment (Levenshtein plus swapping two neighbouring letters, the
 * commonest typing slip: "hwar" for "hawr" is one edit, not two).
 */

export interface FuzzyMatch {
  /** Position of the key in the sorted list. */
  readonly index: number;
  readonly distance: number;
}

export interface FuzzyOptions {
  readonly maxDistance: number;
  /**
   * full: distance between the query and the whole key.
   * prefix: distance between the query and the closest *start* of the key (what a user still typing
   * means: "ain hw" is close to "ain hawr").
   */
  readonly mode: 'full' | 'prefix';
  /** Stop after this many matches (the walk visits keys in sorted order). */
  readonly limit?: number;
}

export function fuzzyKeys(keys: readonly string[], query: string, options: FuzzyOptions): FuzzyMatch[] {
  const { maxDistance, mode } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const m = query.length;
  const matches: FuzzyMatch[] = [];
  if (keys.length === 0) return matches;
  // rows[d] is the table row after the first d characters of the current key.
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  // Best (lowest) distance between the query and any prefix of the key, per depth (prefix mode).
  const bestPrefix: number[] = [m];
  let previousKey = '';
  let validDepth = 0;

  let i = 0;
  while (i < keys.length && matches.length < limit) {
    const key = keys[i] as string;
    let depth = Math.min(validDepth, commonPrefixLength(previousKey, key));
    let pruned = false;
    while (depth < key.length) {
      const row = rowAt(rows, depth + 1, m);
      const above = rows[depth] as Int32Array;
      const twoAbove = depth > 0 ? (rows[depth - 1] as Int32Array) : null;
      const c = key.charCodeAt(depth);
      row[0] = depth + 1;
      let rowMin = row[0];
      for (let j = 1; j <= m; j++) {
        const cost = query.charCodeAt(j - 1) === c ? 0 : 1;
        let value = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
        if (twoAbove && j > 1 && c === query.charCodeAt(j - 2) && key.charCodeAt(depth - 1) === query.charCodeAt(j - 1)) {
          value = Math.min(value, (twoAbove[j - 2] as number) + 1);
        }
        row[j] = value;
        if (value < rowMin) rowMin = value;
      }
      depth++;
      bestPrefix[depth] = Math.min(bestPrefix[depth - 1] as number, row[m] as number);
      if (rowMin > maxDistance) {
        // No extension of key[0, depth) can come back under the bound: skip all keys starting with it.
        pruned = true;
        break;
      }
    }
    previousKey = key;
    validDepth = depth;
    if (pruned) {
      const end = endOfPrefix(keys, key.slice(0, depth), i);
      // In prefix mode a start of these keys may already have been close enough: then all of them
      // match, at that distance (going deeper only gets further away).
      const reached = bestPrefix[depth] as number;
      if (mode === 'prefix' && reached <= maxDistance) {
        for (let k = i; k < end && matches.length < limit; k++) matches.push({ index: k, distance: reached });
      }
      validDepth = depth - 1;
      i = Math.max(end, i + 1);
      continue;
    }
    const distance = mode === 'full' ? ((rows[key.length] as Int32Array)[m] as number) : (bestPrefix[key.length] as number);
    if (distance <= maxDistance) matches.push({ index: i, distance });
    i++;
  }
  return matches;
}

/**
 * The first position after `from` whose key does not start with `prefix` (keys[from] does). Galloping
 * (1, 2, 4, … ahead, then bisecting) because the keys sharing a pruned prefix are usually few.
 */
function endOfPrefix(keys: readonly string[], prefix: string, from: number): number {
  let step = 1;
  let inside = from;
  let outside = from + 1;
  while (outside < keys.length && (keys[outside] as string).startsWith(prefix)) {
    inside = outside;
    step *= 2;
    outside = from + step;
  }
  outside = Math.min(outside, keys.length);
  while (outside - inside > 1) {
    const mid = (inside + outside) >>> 1;
    if ((keys[mid] as string).startsWith(prefix)) inside = mid;
    else outside = mid;
  }
  return outside;
}

function rowAt(rows: Int32Array[], depth: number, m: number): Int32Array {
  let row = rows[depth];
  if (row === undefined) {
    row = new Int32Array(m + 1);
    rows[depth] = row;
  }
  return row;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Longer input is no misspelt word or name (and would make every comparison long): no fuzzy. */
const MAX_FUZZY_LENGTH = 40;

/** The bound used across the index: none for short (or very long) input, one edit from 4 characters, two from 8. */
export function fuzzyBound(length: number): number {
  if (length < 4 || length > MAX_FUZZY_LENGTH) return 0;
  if (length < 8) return 1;
  return 2;
}
