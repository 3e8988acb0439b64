import type { Source } from "@newsfuse/core";
import type { RawInput } from "@newsfuse/store";
import type { Fetcher } from "./fetcher.ts";
import { realSleep, type Sleep } from "./politeness.ts";
import { classify, feedItems, takeItem, type WebOutcome, type WebStore } from "./web.ts";

export interface PollBounds {
  /** Shortest and longest polling interval, seconds. Defaults 300 and 86 400. */
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
}

export const DEFAULT_BOUNDS: PollBounds = { minIntervalSeconds: 300, maxIntervalSeconds: 86_400 };
/** A new subscription is polled at once, then hourly until the feed shows how often it changes. */
export const INITIAL_INTERVAL_SECONDS = 3600;

const clamp = (v: number, b: PollBounds) =>
  Math.round(Math.min(b.maxIntervalSeconds, Math.max(b.minIntervalSeconds, v)));

/**
 * The next interval: a feed that had new items is polled twice as often, one that did not 1.5 times
 * less often, within the bounds; so a feed settles near its own publishing rate.
 */
export function nextInterval(current: number, changed: boolean, bounds: PollBounds): number {
  return clamp(changed ? current / 2 : current * 1.5, bounds);
}

/** A failing source waits its interval doubled per consecutive failure, at most the longest interval. */
export function failureDelaySeconds(interval: number, failures: number, bounds: PollBounds): number {
  return Math.min(bounds.maxIntervalSeconds, interval * 2 ** Math.min(failures, 20));
}

export interface PollResult {
  source: string;
  status: "ok" | "unchanged" | "disallowed" | "refused" | "error";
  newItems: number;
  outcomes: WebOutcome[];
  error?: string;
}

export interface PollerOptions {
  fetcher: Fetcher;
  bounds?: PollBounds;
  /** `NEWSFUSE_FETCH_ALLOW_PRIVATE=1`: sources added through the API may reach private addresses too. */
  allowPrivate?: boolean;
  now?: () => number;
  sleep?: Sleep;
  onPoll?: (r: PollResult) => void;
}

/**
 * Polls subscribed feeds. Each new item is fetched once: its body is kept in the store as soon as it
 * arrives and marked stored after ingest, so a poller killed at any point resumes without fetching
 * an item again (a kept body is ingested on the next poll).
 */
export class Poller {
  private readonly bounds: PollBounds;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  // One ingest at a time: the embedded store has one connection, and batches are cheaper than interleaving.
  private ingestChain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: WebStore,
    private readonly opts: PollerOptions,
  ) {
    this.bounds = opts.bounds ?? DEFAULT_BOUNDS;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  private ingest(raws: RawInput[]) {
    const run = this.ingestChain.then(() => this.store.ingest(raws));
    this.ingestChain = run.catch(() => {});
    return run;
  }

  /** Polls one source now and records the outcome and the next poll time. */
  async poll(source: Source): Promise<PollResult> {
    const sources = this.store.sources;
    const allowPrivate = source.addedBy === "cli" || !!this.opts.allowPrivate;
    const outcomes: WebOutcome[] = [];
    // Bodies a previous run fetched but did not store.
    const pending = await sources.pending(source.id);
    if (pending.length) {
      await this.ingest(pending.map((p) => ({ body: p.body, contentType: p.contentType, origin: p.url ?? p.key })));
      for (const p of pending) {
        await sources.markItem(source.id, p.key, "stored");
        outcomes.push({ url: p.url ?? p.key, outcome: "stored", detail: "fetched by an earlier run" });
      }
    }
    const cached = await sources.cached(source.url);
    const r = await this.opts.fetcher.fetch(source.url, {
      allowPrivate,
      ...(cached ? { validators: cached } : {}),
    });
    const at = new Date(this.now());
    const interval = source.state.intervalSeconds;
    const finish = async (res: PollResult, httpStatus: number | null, title?: string) => {
      const failed = res.status !== "ok" && res.status !== "unchanged";
      const failures = failed ? source.state.failures + 1 : 0;
      const nextIntervalS = failed ? interval : nextInterval(interval, res.newItems > 0, this.bounds);
      const waitS = failed ? failureDelaySeconds(interval, failures, this.bounds) : nextIntervalS;
      await sources.recordPoll(source.id, {
        at,
        status: res.status,
        httpStatus,
        nextPollAt: new Date(at.getTime() + waitS * 1000),
        intervalSeconds: nextIntervalS,
        failures,
        error: res.error ?? null,
        newItems: res.newItems,
        ...(title ? { title } : {}),
      });
      this.opts.onPoll?.(res);
      return res;
    };
    if (r.outcome === "unchanged") {
      await sources.remember(source.url, {
        etag: r.etag ?? cached?.etag ?? null,
        lastModified: r.lastModified ?? cached?.lastModified ?? null,
        httpStatus: 304,
        storedAs: null,
      });
      return finish({ source: source.id, status: "unchanged", newItems: pending.length, outcomes }, 304);
    }
    if (r.outcome !== "ok")
      return finish(
        { source: source.id, status: r.outcome, newItems: pending.length, outcomes, error: r.message },
        r.outcome === "error" ? r.httpStatus : null,
      );
    const kind = classify(r.body, r.finalUrl, r.contentType);
    if (kind.kind !== "feed")
      return finish(
        {
          source: source.id,
          status: "error",
          newItems: pending.length,
          outcomes,
          error:
            kind.kind === "invalid"
              ? kind.error.message
              : `${source.url}: ${kind.kind === "opml" ? "an OPML list" : "a web page"}, not a feed (add the feeds it lists instead)`,
        },
        r.status,
      );
    const items = feedItems(r.body, r.finalUrl, r.contentType);
    const seen = await sources.itemStates(
      source.id,
      items.map((i) => i.key),
    );
    const fresh = items.filter((i, k) => !seen.has(i.key) && items.findIndex((j) => j.key === i.key) === k);
    const raws: Array<{ key: string; raw: RawInput }> = [];
    await Promise.all(
      fresh.map(async (item) => {
        const t = await takeItem(item, r.finalUrl, this.opts.fetcher, allowPrivate);
        outcomes.push(t.outcome);
        if (t.raw) {
          await sources.markItem(source.id, item.key, "fetched", {
            url: t.raw.origin,
            body: t.raw.body,
            contentType: t.raw.contentType,
          });
          raws.push({ key: item.key, raw: t.raw });
        } else await sources.markItem(source.id, item.key, "skipped");
      }),
    );
    if (raws.length) {
      await this.ingest(raws.map((x) => x.raw));
      for (const x of raws) {
        await sources.markItem(source.id, x.key, "stored");
        await sources.remember(x.raw.origin, {
          etag: null,
          lastModified: null,
          httpStatus: 200,
          storedAs: x.raw.origin,
        });
      }
    }
    await sources.remember(source.url, {
      etag: r.etag,
      lastModified: r.lastModified,
      httpStatus: r.status,
      storedAs: null,
    });
    return finish(
      { source: source.id, status: "ok", newItems: fresh.length + pending.length, outcomes },
      r.status,
      kind.title,
    );
  }

  /** Polls every source that is due; returns their results. */
  async pollDue(): Promise<PollResult[]> {
    const due = await this.store.sources.due(new Date(this.now()));
    return Promise.all(due.map((s) => this.poll(s).catch((e: Error) => this.failed(s, e))));
  }

  /** A poll that threw (the store refused a write): the source backs off and says why; the others go on. */
  private async failed(source: Source, e: Error): Promise<PollResult> {
    const failures = source.state.failures + 1;
    const res: PollResult = { source: source.id, status: "error", newItems: 0, outcomes: [], error: e.message };
    const at = new Date(this.now());
    const wait = failureDelaySeconds(source.state.intervalSeconds, failures, this.bounds);
    await this.store.sources
      .recordPoll(source.id, {
        at,
        status: "error",
        httpStatus: null,
        nextPollAt: new Date(at.getTime() + wait * 1000),
        intervalSeconds: source.state.intervalSeconds,
        failures,
        error: e.message,
        newItems: 0,
      })
      .catch(() => {});
    this.opts.onPoll?.(res);
    return res;
  }

  /** Polls due sources until the signal aborts, sleeping until the next one is due (at most `tickMs`). */
  async run(signal: AbortSignal, tickMs = 30_000): Promise<void> {
    while (!signal.aborted) {
      await this.pollDue();
      if (signal.aborted) break;
      const next = await this.store.sources.nextDue();
      const wait = next ? Math.min(tickMs, Math.max(100, next.getTime() - this.now())) : tickMs;
      await this.sleep(wait, signal);
    }
  }
}
