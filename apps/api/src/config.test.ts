import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config.ts";

describe("configFromEnv", () => {
  it("gives safe defaults: no key, open reads, 10 MB bodies, no CORS, rate limited", () => {
    const r = configFromEnv({});
    expect(r).toEqual({
      ok: true,
      value: {
        apiKey: null,
        reads: "open",
        bodyLimitBytes: 10 * 1024 * 1024,
        corsOrigins: [],
        rateLimit: { capacity: 200, refillPerSecond: 100 },
        trustProxy: false,
        cacheTtlMs: 1000,
        fuseDelayMs: 250,
        fuseMaxDelayMs: 30_000,
        maxBatchItems: 5000,
      },
    });
  });

  it("reads every variable", () => {
    const r = configFromEnv({
      NEWSFUSE_API_KEY: "k",
      NEWSFUSE_API_READS: "key",
      NEWSFUSE_API_BODY_LIMIT: "1024",
      NEWSFUSE_API_CORS: "http://localhost:5173, https://dash.example",
      NEWSFUSE_API_RATE: "50/10",
      NEWSFUSE_API_TRUST_PROXY: "1",
      NEWSFUSE_API_FUSE_MS: "100",
      NEWSFUSE_API_FUSE_MAX_MS: "2000",
    });
    expect(r.ok && r.value).toMatchObject({
      apiKey: "k",
      reads: "key",
      bodyLimitBytes: 1024,
      corsOrigins: ["http://localhost:5173", "https://dash.example"],
      rateLimit: { capacity: 50, refillPerSecond: 10 },
      trustProxy: true,
      fuseDelayMs: 100,
      fuseMaxDelayMs: 2000,
    });
    expect(configFromEnv({ NEWSFUSE_API_RATE: "off" })).toMatchObject({ ok: true, value: { rateLimit: null } });
  });

  it("names every bad variable at once", () => {
    const r = configFromEnv({
      NEWSFUSE_API_READS: "closed",
      NEWSFUSE_API_BODY_LIMIT: "lots",
      NEWSFUSE_API_RATE: "fast",
    });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.some((p) => p.startsWith("NEWSFUSE_API_READS"))).toBe(true);
    expect(problems.some((p) => p.startsWith("NEWSFUSE_API_BODY_LIMIT"))).toBe(true);
    expect(problems.some((p) => p.startsWith("NEWSFUSE_API_RATE"))).toBe(true);
  });
});
