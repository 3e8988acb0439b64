import type { Command } from "commander";
import { addStoreOptions, withStore, type StoreFlags } from "../store-access.ts";

/** `newsfuse reanalyze`: rebuild every derived record from the stored raw inputs. */
export function register(program: Command): void {
  addStoreOptions(
    program
      .command("reanalyze")
      .description(
        "Rebuild every article, duplicate group, story and fused record from the stored raw inputs, in one transaction",
      )
      .option("--workers <n>", "analysis worker threads"),
  ).action(async (flags: StoreFlags) => {
    const { createProgress } = await import("../open-store.ts");
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
}
