/**
 * Refusing a signed request seen before. A signature stays valid for the whole freshness window
 * (5 minutes either way), so without this the same captured request (a /reload included) could be
 * sent again as often as wished. Interaction ids are unique, so each id is remembered until its
 * signed timestamp leaves the window; after that the signature check refuses it anyway.
 */

export class ReplayGuard {
  /** id → when its timestamp stops being accepted (ms); insertion order is roughly arrival order. */
  readonly #until = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    /**
     * A bound on memory (about 100 bytes an id): far above what one replica answers in a window.
     * Past it the oldest ids are forgotten first, the ones closest to going stale anyway.
     */
    private readonly maxIds = 100_000,
  ) {}

  /** True the first time `id` is seen; false for a repeat while its timestamp is still accepted. */
  firstSighting(id: string, timestampSeconds: number, nowMs: number): boolean {
    this.#forgetExpired(nowMs);
    if (this.#until.has(id)) return false;
    this.#until.set(id, timestampSeconds * 1000 + this.windowMs);
    if (this.#until.size > this.maxIds) this.#until.delete(this.#until.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.#until.size;
  }

  #forgetExpired(nowMs: number): void {
    for (const [id, until] of this.#until) {
      // Stop at the first live one: ids behind it with an earlier expiry wait one window at most.
      if (until > nowMs) return;
      this.#until.delete(id);
    }
  }
}
