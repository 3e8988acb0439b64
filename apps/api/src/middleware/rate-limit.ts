import type { RateLimitConfig } from "../config.ts";

/**
 * Token buckets per client. The clock is injected so tests step time instead of sleeping.
 * Buckets that have refilled completely carry no information, so they are dropped when the map grows.
 */
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly cfg: RateLimitConfig,
    private readonly now: () => number,
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one token; returns the tokens left, or the seconds to wait when the bucket is empty. */
  take(client: string): { allowed: true; remaining: number } | { allowed: false; retryAfter: number } {
    const t = this.now();
    let b = this.buckets.get(client);
    if (!b) {
      if (this.buckets.size >= this.maxClients) this.sweep(t);
      b = { tokens: this.cfg.capacity, at: t };
      this.buckets.set(client, b);
    } else {
      const elapsed = Math.max(0, t - b.at) / 1000;
      b.tokens = Math.min(this.cfg.capacity, b.tokens + elapsed * this.cfg.refillPerSecond);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, remaining: Math.floor(b.tokens) };
    }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / this.cfg.refillPerSecond)) };
  }

  private sweep(t: number) {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.cfg.refillPerSecond >= this.cfg.capacity) this.buckets.delete(k);
    }
    // Everyone is mid-burst: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxClients) {
      let n = this.buckets.size / 2;
      for (const k of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(k);
      }
    }
  }
}
