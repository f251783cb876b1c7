/**
 * Immutability for the fact base. Everything downstream shares one base, so nothing may change it:
 * plain objects and arrays are frozen, and maps are ReadOnlyMap instances whose writers throw
 * (Object.freeze alone does not stop Map#set).
 */

export class ReadOnlyMap<K, V> extends Map<K, V> {
  #sealed = false;

  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [key, value] of entries) super.set(key, value);
    this.#sealed = true;
    Object.freeze(this);
  }

  override set(key: K, value: V): this {
    if (this.#sealed) throw new TypeError('the fact base is read-only');
    return super.set(key, value);
  }

  override delete(_key: K): boolean {
    throw new TypeError('the fact base is read-only');
  }

  override clear(): void {
    throw new TypeError('the fact base is read-only');
  }
}

/** Freeze `value` and every plain object and array reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
