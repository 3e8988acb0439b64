import type { MiddlewareHandler } from "hono";
import type { Store } from "@newsfuse/store";
import type { AppEnv } from "../context.ts";
import type { StoryFuser } from "../fuser.ts";

/** Reads that must always be live, or are streams; the feed poller updates sources without store events. */
const UNCACHED = new Set(["/v1/events", "/healthz", "/readyz", "/v1/sources"]);
const MAX_BODY = 512 * 1024;

/**
 * A cache for JSON reads: the same URL is answered from memory. Every store event, every successful
 * write through this API and every background fusion empties it, so a client never reads its own write
 * stale, nor a story record older than the last fusion. The embedded store
 * is locked to this process, so those events are all the writes there are and entries live until the
 * next one; on a shared PostgreSQL store other processes write too, and `ttlMs` bounds the staleness.
 */
export function responseCache(opts: {
  ttlMs: number;
  maxEntries?: number;
  clock: () => number;
  store: Store;
  fuser: Pick<StoryFuser, "onFused">;
}): MiddlewareHandler<AppEnv> {
  const max = opts.maxEntries ?? 2000;
  const entries = new Map<string, { at: number; gen: number; body: string; type: string }>();
  let gen = 0;
  const invalidate = () => {
    gen++;
    entries.clear();
  };
  opts.store.subscribe(invalidate);
  opts.fuser.onFused(invalidate);
  return async (c, next) => {
    if (c.req.method !== "GET") {
      await next();
      if (c.req.method !== "HEAD" && c.req.method !== "OPTIONS" && c.res.status < 400) invalidate();
      return;
    }
    if (UNCACHED.has(c.req.path)) return next();
    const key = c.req.url.slice(c.req.url.indexOf("/", 8));
    const now = opts.clock();
    const hit = entries.get(key);
    if (hit && hit.gen === gen && (opts.store.backend === "embedded" || now - hit.at < opts.ttlMs)) {
      c.header("X-Cache", "hit");
      return c.body(hit.body, 200, { "Content-Type": hit.type });
    }
    const started = gen;
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (c.res.status !== 200 || !type.startsWith("application/json") || gen !== started) return;
    const body = await c.res.clone().text();
    if (body.length > MAX_BODY) return;
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, gen, body, type });
  };
}
