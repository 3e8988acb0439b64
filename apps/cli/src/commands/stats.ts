import type { Command } from "commander";
import { formatStats } from "@newsfuse/core";
import { getJson } from "../server-reads.ts";
import { addStoreOptions, readTarget, reportStoreError, withStore, type StoreFlags } from "../store-access.ts";

type Counts = Record<string, number>;

function print(flags: { json?: boolean }, where: Record<string, string>, label: string, counts: Counts): void {
  console.log(flags.json ? JSON.stringify({ ...where, ...counts }, null, 2) : formatStats(label, counts));
}

/** `newsfuse stats`: read-only; refuses a directory with no store, reads through a running `newsfuse serve`. */
export function register(program: Command): void {
  addStoreOptions(
    program
      .command("stats")
      .description("Count inputs, articles, duplicates, stories, events, entities and quotes")
      .option("--json", "print JSON"),
  ).action(async (flags: StoreFlags & { json?: boolean }) => {
    try {
      const target = readTarget(flags);
      if (target.kind === "server") {
        const counts = await getJson<Counts>(target.url, "/v1/stats");
        const where = { backend: "embedded", location: target.dir, server: target.url };
        print(flags, where, `embedded store at ${target.dir}, read through newsfuse serve at ${target.url}`, counts);
        return;
      }
    } catch (e) {
      reportStoreError(e);
      return;
    }
    await withStore(
      flags,
      async (store) => {
        const counts = await store.stats();
        const where = { backend: store.backend, location: store.location };
        print(flags, where, `${store.backend} store at ${store.location}`, counts);
      },
      { skipIndexes: true, shortLived: true },
    );
  });
}
