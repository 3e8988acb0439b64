import type { Command } from "commander";
import type { Store } from "@newsfuse/store";
import { addStoreOptions, withStore, type StoreFlags } from "../store-access.ts";

export interface WatchFlags {
  minInterval?: string;
  maxInterval?: string;
  once?: boolean;
}

function seconds(v: string | undefined, fallback: number, flag: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number of seconds, got "${v}"`);
  return n;
}

/**
 * Polls the subscribed feeds until `signal` aborts (or once); shared by `newsfuse watch` and
 * `newsfuse serve --watch`. Each poll is logged as one line through `log`.
 */
export async function watchSources(
  store: Store,
  flags: WatchFlags,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  const { DEFAULT_BOUNDS, Poller, allowPrivateFromEnv, fetcherFromEnv } = await import("@newsfuse/fetch");
  const bounds = {
    minIntervalSeconds: seconds(flags.minInterval, DEFAULT_BOUNDS.minIntervalSeconds, "--min-interval"),
    maxIntervalSeconds: seconds(flags.maxInterval, DEFAULT_BOUNDS.maxIntervalSeconds, "--max-interval"),
  };
  const poller = new Poller(store, {
    fetcher: fetcherFromEnv(process.env),
    bounds,
    allowPrivate: allowPrivateFromEnv(process.env),
    onPoll: (r) => {
      const counts = new Map<string, number>();
      for (const o of r.outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
      const parts = [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
      log(
        `${r.source}: ${r.status}, ${r.newItems} new items${parts ? ` (${parts})` : ""}${r.error ? `: ${r.error}` : ""}`,
      );
      for (const o of r.outcomes)
        if (o.outcome === "skipped" || o.outcome === "failed") log(`  ${o.outcome}: ${o.detail ?? o.url}`);
    },
  });
  if (flags.once) await poller.pollDue();
  else await poller.run(signal, Math.min(30_000, bounds.minIntervalSeconds * 1000));
}

/** `newsfuse watch`: polls the subscribed feeds until stopped; a restart resumes from the store. */
export function register(program: Command): void {
  addStoreOptions(
    program
      .command("watch")
      .description("Poll the subscribed feeds (newsfuse sources add) until stopped, storing each new item once")
      .option("--once", "poll the sources that are due once, then exit")
      .option("--min-interval <s>", "shortest polling interval, seconds (default 300)")
      .option("--max-interval <s>", "longest polling interval, seconds (default 86400)")
      .option("--workers <n>", "analysis worker threads (default: one per core; 0 = main thread)")
      .addHelpText(
        "after",
        "\nEnvironment: NEWSFUSE_FETCH_USER_AGENT or NEWSFUSE_FETCH_CONTACT, NEWSFUSE_FETCH_DELAY_MS (per-host delay, default 1000),\nNEWSFUSE_FETCH_CONCURRENCY (default 4), NEWSFUSE_FETCH_TIMEOUT_MS, NEWSFUSE_FETCH_MAX_BYTES, NEWSFUSE_FETCH_ALLOW_PRIVATE=1.",
      ),
  ).action(async (flags: StoreFlags & WatchFlags) => {
    await withStore(flags, async (store) => {
      const stop = new AbortController();
      const onSignal = (sig: string) => {
        console.error(`newsfuse watch: ${sig}, stopping after the current poll`);
        stop.abort();
      };
      process.once("SIGINT", () => onSignal("SIGINT"));
      process.once("SIGTERM", () => onSignal("SIGTERM"));
      const n = (await store.sources.list()).length;
      console.error(`newsfuse watch: ${n} sources in ${store.location}`);
      try {
        await watchSources(store, flags, stop.signal, (line) => console.log(line));
      } catch (e) {
        console.error(`newsfuse watch: ${(e as Error).message}`);
        process.exitCode = 2;
      }
    });
  });
}
