/**
 * Values kept for `ttlMs`, with concurrent misses for one key sharing a single load (five tabs
 * refreshing at the same moment make one upstream call, not five). Per isolate: enough to cap
 * what one isolate sends upstream, which is what a rate limit per account needs in practice.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
  ) {}

  get(key: K, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.prune(now);
    const value = load();
    this.entries.set(key, { at: now, value });
    // A failed load is not kept: the next caller tries again.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  private prune(now: number): void {
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    // Still full (all fresh): drop the oldest, Maps iterate in insertion order.
    if (this.entries.size >= this.maxEntries) {
      const first = this.entries.keys().next();
      if (!first.done) this.entries.delete(first.value);
    }
  }
}
