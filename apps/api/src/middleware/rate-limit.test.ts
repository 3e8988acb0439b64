import { describe, expect, it } from "vitest";
import { REMOTE, buildApp, fromAddress, manualClock, useSeededStore } from "../test-support.ts";
import { TokenBuckets } from "./rate-limit.ts";

describe("TokenBuckets", () => {
  it("allows a burst of `capacity`, then refills at the configured rate", () => {
    const clock = manualClock();
    const b = new TokenBuckets({ capacity: 3, refillPerSecond: 2 }, clock);
    expect([1, 2, 3].map(() => b.take("a").allowed)).toEqual([true, true, true]);
    expect(b.take("a")).toEqual({ allowed: false, retryAfter: 1 });
    clock.advance(500); // one token back at 2/s
    expect(b.take("a").allowed).toBe(true);
    expect(b.take("a").allowed).toBe(false);
    clock.advance(60_000);
    expect(b.take("a")).toEqual({ allowed: true, remaining: 2 });
  });

  it("keeps one bucket per client and a bounded number of them", () => {
    const clock = manualClock();
    const b = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001 }, clock, 100);
    expect(b.take("a").allowed).toBe(true);
    expect(b.take("b").allowed).toBe(true);
    expect(b.take("a").allowed).toBe(false);
    for (let i = 0; i < 1000; i++) b.take(`c${i}`);
    expect((b as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});

describe("rate limiting in the app", () => {
  const { store } = useSeededStore();

  it("answers 429 with Retry-After once a client's bucket is empty, without affecting others", async () => {
    const { api, clock } = buildApp(store, { rateLimit: { capacity: 2, refillPerSecond: 1 } });
    expect((await api.request("/v1/stats", {}, REMOTE)).status).toBe(200);
    expect((await api.request("/v1/stats", {}, REMOTE)).status).toBe(200);
    const limited = await api.request("/v1/stories", {}, REMOTE);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await api.request("/v1/stats", {}, fromAddress("198.51.100.7"))).status).toBe(200);
    expect((await api.request("/healthz", {}, REMOTE)).status).toBe(200); // probes are never limited
    clock.advance(1000);
    expect((await api.request("/v1/stats", {}, REMOTE)).status).toBe(200);
  });
});
