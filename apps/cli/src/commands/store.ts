import type { Command } from "commander";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createProgress } from "@newsfuse/store";
import { addStoreOptions, withStore, type StoreFlags } from "./ingest.ts";

/** Store maintenance: migrate, reanalyze, stats, export. */
export function register(program: Command): void {
  addStoreOptions(
    program
      .command("migrate")
      .description("Apply pending database migrations (they also run whenever the store opens)"),
  ).action(async (flags: StoreFlags) => {
    await withStore(
      flags,
      async (store) => {
        const applied = await store.migrate();
        console.log(
          applied.length ? `applied ${applied.join(", ")} to ${store.location}` : `${store.location} is up to date`,
        );
      },
      { skipIndexes: true },
    );
  });

  addStoreOptions(
    program
      .command("reanalyze")
      .description(
        "Rebuild every article, duplicate group, story and fused record from the stored raw inputs, in one transaction",
      )
      .option("--workers <n>", "analysis worker threads"),
  ).action(async (flags: StoreFlags) => {
    await withStore(
      flags,
      async (store) => {
        const before = await store.stats();
        const progress = createProgress({
          total: before.inputs,
          tty: !!process.stderr.isTTY,
          write: (s) => process.stderr.write(s),
          label: "reanalyze",
        });
        const t0 = performance.now();
        const r = await store.reanalyze({ onProgress: (e) => e.type === "ingest.progress" && progress.update(e.done) });
        progress.end();
        const after = await store.stats();
        console.log(
          `reanalyzed ${before.inputs} inputs in ${((performance.now() - t0) / 1000).toFixed(1)}s: ${r.articles} articles (was ${before.articles}), ${after.stories} stories (was ${before.stories}), ${after.duplicateGroups} duplicate groups (was ${before.duplicateGroups})`,
        );
      },
      { skipIndexes: true },
    );
  });

  addStoreOptions(
    program
      .command("stats")
      .description("Count inputs, articles, duplicates, stories, events, entities and quotes")
      .option("--json", "print JSON"),
  ).action(async (flags: StoreFlags & { json?: boolean }) => {
    await withStore(
      flags,
      async (store) => {
        const s = await store.stats();
        if (flags.json)
          console.log(JSON.stringify({ backend: store.backend, location: store.location, ...s }, null, 2));
        else {
          console.log(`${store.backend} store at ${store.location}`);
          for (const [k, v] of Object.entries(s)) console.log(`  ${k.padEnd(16)} ${v}`);
        }
      },
      { skipIndexes: true },
    );
  });

  addStoreOptions(
    program
      .command("export")
      .description("Write stored articles or fused stories as JSON Lines")
      .option("--format <format>", "output format (jsonl)", "jsonl")
      .option("--what <what>", "articles | stories", "articles")
      .option("--out <file>", "write to a file instead of stdout"),
  ).action(async (flags: StoreFlags & { format: string; what: string; out?: string }) => {
    if (flags.format !== "jsonl") {
      console.error(`newsfuse export: --format must be "jsonl", got "${flags.format}"`);
      process.exitCode = 2;
      return;
    }
    if (flags.what !== "articles" && flags.what !== "stories") {
      console.error(`newsfuse export: --what must be "articles" or "stories", got "${flags.what}"`);
      process.exitCode = 2;
      return;
    }
    await withStore(
      flags,
      async (store) => {
        const out = flags.out ? createWriteStream(flags.out) : process.stdout;
        let n = 0;
        const rows = flags.what === "articles" ? store.exportArticles() : store.exportStories();
        for await (const row of rows) {
          if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
          n++;
        }
        if (flags.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, "finish");
          console.error(`wrote ${n} ${flags.what} to ${flags.out}`);
        }
      },
      { skipIndexes: true },
    );
  });
}
