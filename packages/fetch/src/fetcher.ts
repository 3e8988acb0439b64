import type { FetchLogEntry } from "@newsfuse/core";
import { isPrivateAddress } from "./address.ts";
import { httpGet, type HttpFailure, type HttpResponse } from "./http.ts";
import { HostScheduler, realSleep, type Sleep } from "./politeness.ts";
import { agentToken, robotsRules, type RobotsRules } from "./robots.ts";

/** The agent without a contact; operators name theirs with NEWSFUSE_FETCH_CONTACT (see env.ts). */
export const DEFAULT_USER_AGENT = "newsfuse/0.1 (no contact configured: set NEWSFUSE_FETCH_CONTACT)";

/** The agent with an operator's contact (a URL or mailto:), as site owners expect to find it. */
export function userAgentWith(contact: string): string {
  return `newsfuse/0.1 (+${contact})`;
}

export interface FetcherOptions {
  /** Sent with every request; name the tool and a contact. Default `DEFAULT_USER_AGENT`. */
  userAgent?: string;
  /** Minimum pause between two requests to one host; a longer robots.txt Crawl-delay wins. Default 1000. */
  minDelayMs?: number;
  /** A Crawl-delay above this is capped (a typo of "3600" must not stall a run for hours). Default 60 000. */
  maxCrawlDelayMs?: number;
  /** Requests in flight at once, over all hosts. Default 4. */
  concurrency?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MiB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Further attempts after a network error, 429 or 5xx. Default 3. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails and says so. Default 120 000. */
  maxRetryAfterMs?: number;
  /** Allow private, loopback and link-local addresses (default: refused). */
  allowPrivate?: boolean;
  /** Which addresses count as private (default `isPrivateAddress`; tests narrow it to reach loopback). */
  refusedAddress?: (ip: string) => boolean;
  /** How long a host's robots.txt is trusted. Default 24 h. */
  robotsTtlMs?: number;
  now?: () => number;
  sleep?: Sleep;
  /** In [0, 1): the backoff jitter. */
  random?: () => number;
  /** Called for every request made or declined. */
  onLog?: (e: FetchLogEntry) => void;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | {
      outcome: "ok";
      url: string;
      finalUrl: string;
      status: number;
      contentType: string;
      body: Uint8Array;
      etag: string | null;
      lastModified: string | null;
    }
  | {
      outcome: "unchanged";
      url: string;
      finalUrl: string;
      status: 304;
      etag: string | null;
      lastModified: string | null;
    }
  | { outcome: "disallowed"; url: string; blockedUrl: string; message: string }
  | { outcome: "refused"; url: string; message: string }
  | { outcome: "error"; url: string; httpStatus: number | null; message: string; retryable: boolean };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Seconds or an HTTP date, as milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const header = (h: HttpResponse["headers"], name: string): string | null => {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

/**
 * A polite HTTP client for pages and feeds: robots.txt obeyed, one request at a time per host with a
 * minimum delay, conditional requests, bounded redirects, retries with backoff, and private addresses
 * refused unless allowed.
 */
export class Fetcher {
  readonly userAgent: string;
  private readonly o: Required<Omit<FetcherOptions, "onLog" | "userAgent">> & Pick<FetcherOptions, "onLog">;
  private readonly scheduler: HostScheduler;
  private readonly robots = new Map<string, { at: number; rules: Promise<RobotsRules> }>();

  constructor(opts: FetcherOptions = {}) {
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.o = {
      minDelayMs: opts.minDelayMs ?? 1000,
      maxCrawlDelayMs: opts.maxCrawlDelayMs ?? 60_000,
      concurrency: opts.concurrency ?? 4,
      connectTimeoutMs: opts.connectTimeoutMs ?? 10_000,
      totalTimeoutMs: opts.totalTimeoutMs ?? 30_000,
      maxBytes: opts.maxBytes ?? 10 * 1024 * 1024,
      maxRedirects: opts.maxRedirects ?? 5,
      retries: opts.retries ?? 3,
      backoffBaseMs: opts.backoffBaseMs ?? 500,
      backoffMaxMs: opts.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
      allowPrivate: opts.allowPrivate ?? false,
      refusedAddress: opts.refusedAddress ?? isPrivateAddress,
      robotsTtlMs: opts.robotsTtlMs ?? 24 * 3600_000,
      now: opts.now ?? Date.now,
      sleep: opts.sleep ?? realSleep,
      random: opts.random ?? Math.random,
      onLog: opts.onLog,
    };
    this.scheduler = new HostScheduler({
      concurrency: this.o.concurrency,
      now: this.o.now,
      sleep: this.o.sleep,
      delayMs: (host) => this.delayFor(host),
    });
  }

  private readonly crawlDelays = new Map<string, number>();
  private delayFor(host: string): number {
    return Math.max(this.o.minDelayMs, Math.min(this.o.maxCrawlDelayMs, this.crawlDelays.get(host) ?? 0));
  }

  /** Fetches one URL, following redirects; `validators` make it a conditional request. */
  async fetch(url: string, opts: { validators?: Validators; allowPrivate?: boolean } = {}): Promise<FetchResult> {
    const checkAddress = !(opts.allowPrivate ?? this.o.allowPrivate);
    let current = url;
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return { outcome: "error", url, httpStatus: null, message: `${current} is not a URL`, retryable: false };
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
        return {
          outcome: "refused",
          url,
          message: `${current}: only http and https URLs are fetched`,
        };
      const rules = await this.rulesFor(parsed, checkAddress);
      if (rules.refused) {
        this.log({ url: current, outcome: "refused", httpStatus: null, ms: 0, attempts: 0, detail: rules.refused });
        return { outcome: "refused", url, message: `${current}: ${rules.refused}` };
      }
      if (rules.unavailable || !rules.isAllowed(current)) {
        const message = rules.unavailable
          ? `${current}: not fetched, ${rules.unavailable}`
          : `${current}: disallowed by ${parsed.origin}/robots.txt`;
        this.log({ url: current, outcome: "disallowed", httpStatus: null, ms: 0, attempts: 0, detail: message });
        return { outcome: "disallowed", url, blockedUrl: current, message };
      }
      const headers: Record<string, string> = {
        "User-Agent": this.userAgent,
        Accept:
          "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Encoding": "gzip, deflate, br",
      };
      if (hop === 0 && opts.validators?.etag) headers["If-None-Match"] = opts.validators.etag;
      if (hop === 0 && opts.validators?.lastModified) headers["If-Modified-Since"] = opts.validators.lastModified;
      const r = await this.withRetries(current, parsed.host, headers, checkAddress);
      if (!r.ok)
        return r.failure.kind === "refused"
          ? { outcome: "refused", url, message: `${current}: ${r.failure.message}` }
          : {
              outcome: "error",
              url,
              httpStatus: r.status,
              message: `${current}: ${r.failure.message}`,
              retryable: r.failure.retryable,
            };
      const res = r.response;
      if (REDIRECTS.has(res.status)) {
        const location = header(res.headers, "location");
        if (!location)
          return {
            outcome: "error",
            url,
            httpStatus: res.status,
            message: `${current}: ${res.status} without a Location`,
            retryable: false,
          };
        if (hop >= this.o.maxRedirects)
          return {
            outcome: "error",
            url,
            httpStatus: res.status,
            message: `${url}: more than ${this.o.maxRedirects} redirects`,
            retryable: false,
          };
        current = new URL(location, current).toString();
        continue;
      }
      const etag = header(res.headers, "etag");
      const lastModified = header(res.headers, "last-modified");
      if (res.status === 304) return { outcome: "unchanged", url, finalUrl: current, status: 304, etag, lastModified };
      if (res.status < 200 || res.status >= 300)
        return {
          outcome: "error",
          url,
          httpStatus: res.status,
          message: `${current}: HTTP ${res.status}`,
          retryable: res.status === 429 || res.status >= 500,
        };
      return {
        outcome: "ok",
        url,
        finalUrl: current,
        status: res.status,
        contentType: header(res.headers, "content-type") ?? "application/octet-stream",
        body: res.body,
        etag,
        lastModified,
      };
    }
  }

  private log(e: Omit<FetchLogEntry, "at">): void {
    this.o.onLog?.({ at: new Date(this.o.now()).toISOString(), ...e });
  }

  private async withRetries(
    url: string,
    host: string,
    headers: Record<string, string>,
    checkAddress: boolean,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure; status: number | null }> {
    const t0 = this.o.now();
    for (let attempt = 0; ; attempt++) {
      const r = await this.scheduler.run(host, () =>
        httpGet({
          url,
          headers,
          refused: checkAddress ? this.o.refusedAddress : null,
          connectTimeoutMs: this.o.connectTimeoutMs,
          totalTimeoutMs: this.o.totalTimeoutMs,
          maxBytes: this.o.maxBytes,
        }),
      );
      const status = r.ok ? r.response.status : null;
      const retryable = r.ok ? status === 429 || status! >= 500 : r.failure.retryable;
      const outcome = !r.ok
        ? r.failure.kind === "refused"
          ? "refused"
          : "error"
        : status === 304
          ? "unchanged"
          : status! >= 400
            ? "error"
            : "ok";
      this.log({
        url,
        outcome,
        httpStatus: status,
        ms: this.o.now() - t0,
        attempts: attempt + 1,
        ...(r.ok ? {} : { detail: r.failure.message }),
      });
      if (!retryable || attempt >= this.o.retries) {
        if (r.ok) return r;
        return { ok: false, failure: r.failure, status: null };
      }
      const backoff =
        Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** attempt) * (0.5 + 0.5 * this.o.random());
      const asked = r.ok ? retryAfterMs(r.response.headers["retry-after"], this.o.now()) : null;
      if (asked !== null && asked > this.o.maxRetryAfterMs)
        return {
          ok: false,
          status,
          failure: {
            kind: "network",
            message: `HTTP ${status}, asked to retry after ${Math.round(asked / 1000)} s (over the ${Math.round(this.o.maxRetryAfterMs / 1000)} s limit)`,
            retryable: true,
          },
        };
      const wait = asked ?? backoff;
      this.scheduler.deferHost(host, this.o.now() + wait);
      await this.o.sleep(wait);
    }
  }

  private rulesFor(u: URL, checkAddress: boolean): Promise<RobotsRules> {
    // Per policy too: a host refused for an API caller may still be one the operator asked for.
    const key = `${u.origin} ${checkAddress}`;
    const hit = this.robots.get(key);
    if (hit && this.o.now() - hit.at < this.o.robotsTtlMs) return hit.rules;
    const robotsUrl = `${u.origin}/robots.txt`;
    const rules = this.readRobots(robotsUrl, checkAddress).then((rules) => {
      if (rules.crawlDelay !== undefined) this.crawlDelays.set(u.host, rules.crawlDelay * 1000);
      return rules;
    });
    this.robots.set(key, { at: this.o.now(), rules });
    return rules;
  }

  private async readRobots(robotsUrl: string, checkAddress: boolean): Promise<RobotsRules> {
    const agent = agentToken(this.userAgent);
    let current = robotsUrl;
    // RFC 9309 2.3.1.2: follow at least five redirects for robots.txt.
    for (let hop = 0; hop <= this.o.maxRedirects; hop++) {
      const r = await this.scheduler.run(new URL(current).host, () =>
        httpGet({
          url: current,
          headers: { "User-Agent": this.userAgent, "Accept-Encoding": "gzip, deflate, br" },
          refused: checkAddress ? this.o.refusedAddress : null,
          connectTimeoutMs: this.o.connectTimeoutMs,
          totalTimeoutMs: this.o.totalTimeoutMs,
          maxBytes: 512 * 1024,
        }),
      );
      this.log({
        url: current,
        outcome: r.ok ? (r.response.status < 400 ? "ok" : "error") : r.failure.kind === "refused" ? "refused" : "error",
        httpStatus: r.ok ? r.response.status : null,
        ms: 0,
        attempts: 1,
        detail: "robots.txt",
      });
      if (!r.ok && r.failure.kind === "refused")
        return { isAllowed: () => false, crawlDelay: undefined, refused: r.failure.message };
      if (!r.ok) return robotsRules(robotsUrl, { error: r.failure.message }, agent);
      const location = header(r.response.headers, "location");
      if (REDIRECTS.has(r.response.status) && location) {
        current = new URL(location, current).toString();
        continue;
      }
      return robotsRules(
        robotsUrl,
        { status: r.response.status, body: Buffer.from(r.response.body).toString("utf8") },
        agent,
      );
    }
    return robotsRules(robotsUrl, { status: 404, body: "" }, agent);
  }
}
