import { z } from "zod";

export const RateLimitConfig = z.object({
  /** Bucket size: how many requests a client may burst. */
  capacity: z.number().int().positive(),
  /** Tokens added per second (the sustained rate). */
  refillPerSecond: z.number().positive(),
});
export type RateLimitConfig = z.infer<typeof RateLimitConfig>;

export const ApiConfig = z.object({
  /** When set, writes (and reads if `reads: "key"`) need `Authorization: Bearer <apiKey>`. */
  apiKey: z.string().min(1).nullable().default(null),
  /** "open": anyone may read; "key": reads need the API key too (or loopback when no key is set). */
  reads: z.enum(["open", "key"]).default("open"),
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Origins allowed by CORS (the dashboard's); empty means no CORS headers at all. */
  corsOrigins: z.array(z.string()).default([]),
  /** Token bucket per client address; null disables rate limiting (benchmarks). */
  rateLimit: RateLimitConfig.nullable().default({ capacity: 200, refillPerSecond: 100 }),
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: z.boolean().default(false),
  /** Identical JSON reads within this many ms are served from memory; any write empties it. 0 = off. */
  cacheTtlMs: z.number().int().nonnegative().default(1000),
  /**
   * Writes return once their articles are committed; the stories they touched are re-fused in the
   * background this many ms later (writes arriving meanwhile share the run).
   */
  fuseDelayMs: z.number().int().nonnegative().default(250),
  /** Under writes that never pause, stories are re-fused at the latest this many ms after a write. */
  fuseMaxDelayMs: z.number().int().nonnegative().default(30_000),
  /** Most items one NDJSON batch may hold. */
  maxBatchItems: z.number().int().positive().default(5000),
});
export type ApiConfig = z.infer<typeof ApiConfig>;
export type ApiConfigInput = z.input<typeof ApiConfig>;

/**
 * Reads the API configuration from environment variables, reporting every bad one at once.
 * NEWSFUSE_API_KEY, NEWSFUSE_API_READS (open|key), NEWSFUSE_API_BODY_LIMIT (bytes),
 * NEWSFUSE_API_CORS (comma-separated origins), NEWSFUSE_API_RATE ("capacity/perSecond" or "off"),
 * NEWSFUSE_API_TRUST_PROXY (1|0), NEWSFUSE_API_CACHE_MS (read cache TTL, 0 = off),
 * NEWSFUSE_API_FUSE_MS (pause in writes before background fusion), NEWSFUSE_API_FUSE_MAX_MS (its cap).
 */
export function configFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; value: ApiConfig } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const raw: ApiConfigInput = {};
  if (env.NEWSFUSE_API_KEY) raw.apiKey = env.NEWSFUSE_API_KEY;
  if (env.NEWSFUSE_API_READS) raw.reads = env.NEWSFUSE_API_READS as "open";
  if (env.NEWSFUSE_API_BODY_LIMIT) raw.bodyLimitBytes = Number(env.NEWSFUSE_API_BODY_LIMIT);
  if (env.NEWSFUSE_API_CORS)
    raw.corsOrigins = env.NEWSFUSE_API_CORS.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (env.NEWSFUSE_API_CACHE_MS) raw.cacheTtlMs = Number(env.NEWSFUSE_API_CACHE_MS);
  if (env.NEWSFUSE_API_FUSE_MS) raw.fuseDelayMs = Number(env.NEWSFUSE_API_FUSE_MS);
  if (env.NEWSFUSE_API_FUSE_MAX_MS) raw.fuseMaxDelayMs = Number(env.NEWSFUSE_API_FUSE_MAX_MS);
  if (env.NEWSFUSE_API_TRUST_PROXY)
    raw.trustProxy = env.NEWSFUSE_API_TRUST_PROXY === "1" || env.NEWSFUSE_API_TRUST_PROXY === "true";
  if (env.NEWSFUSE_API_RATE) {
    const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(env.NEWSFUSE_API_RATE.trim());
    if (env.NEWSFUSE_API_RATE.trim() === "off") raw.rateLimit = null;
    else if (m) raw.rateLimit = { capacity: Number(m[1]), refillPerSecond: Number(m[2]) };
    else
      problems.push(
        `NEWSFUSE_API_RATE: expected "capacity/perSecond" (e.g. 200/100) or "off", got "${env.NEWSFUSE_API_RATE}"`,
      );
  }
  const parsed = ApiConfig.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = {
      apiKey: "NEWSFUSE_API_KEY",
      reads: "NEWSFUSE_API_READS",
      bodyLimitBytes: "NEWSFUSE_API_BODY_LIMIT",
      corsOrigins: "NEWSFUSE_API_CORS",
      rateLimit: "NEWSFUSE_API_RATE",
      trustProxy: "NEWSFUSE_API_TRUST_PROXY",
      cacheTtlMs: "NEWSFUSE_API_CACHE_MS",
      fuseDelayMs: "NEWSFUSE_API_FUSE_MS",
      fuseMaxDelayMs: "NEWSFUSE_API_FUSE_MAX_MS",
    };
    for (const i of parsed.error.issues) problems.push(`${names[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`);
  }
  return problems.length || !parsed.success ? { ok: false, problems } : { ok: true, value: parsed.data };
}
