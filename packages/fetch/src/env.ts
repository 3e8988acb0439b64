import { DEFAULT_USER_AGENT, Fetcher, type FetcherOptions, userAgentWith } from "./fetcher.ts";

/** `NEWSFUSE_FETCH_ALLOW_PRIVATE=1`: the operator lets API-requested fetches reach private addresses. */
export function allowPrivateFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NEWSFUSE_FETCH_ALLOW_PRIVATE === "1";
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/**
 * A fetcher configured from the environment: NEWSFUSE_FETCH_USER_AGENT (or NEWSFUSE_FETCH_CONTACT,
 * giving "newsfuse/0.1 (+contact)"), NEWSFUSE_FETCH_DELAY_MS (per-host minimum delay),
 * NEWSFUSE_FETCH_CONCURRENCY, NEWSFUSE_FETCH_TIMEOUT_MS (total), NEWSFUSE_FETCH_MAX_BYTES.
 */
export function fetcherFromEnv(env: NodeJS.ProcessEnv = process.env, extra: FetcherOptions = {}): Fetcher {
  const contact = env.NEWSFUSE_FETCH_CONTACT?.trim();
  const userAgent = env.NEWSFUSE_FETCH_USER_AGENT?.trim() || (contact ? userAgentWith(contact) : DEFAULT_USER_AGENT);
  const opts: FetcherOptions = { userAgent, allowPrivate: false };
  const delay = num(env.NEWSFUSE_FETCH_DELAY_MS);
  if (delay !== undefined) opts.minDelayMs = delay;
  const conc = num(env.NEWSFUSE_FETCH_CONCURRENCY);
  if (conc) opts.concurrency = conc;
  const timeout = num(env.NEWSFUSE_FETCH_TIMEOUT_MS);
  if (timeout) opts.totalTimeoutMs = timeout;
  const max = num(env.NEWSFUSE_FETCH_MAX_BYTES);
  if (max) opts.maxBytes = max;
  const backoff = num(env.NEWSFUSE_FETCH_BACKOFF_MS);
  if (backoff !== undefined) opts.backoffBaseMs = backoff;
  return new Fetcher({ ...opts, ...extra });
}
