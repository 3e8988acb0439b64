import type { Command } from "commander";
import type { NewsfuseError } from "@newsfuse/core";
import { readPaths } from "@newsfuse/formats/node";
import { createProgress, type IngestItemResult, type RawInput } from "@newsfuse/store";
import { CHARSET_HELP, checkCharset } from "../inputs.ts";
import { addStoreOptions, withStore, type StoreFlags } from "../store-access.ts";
import { ingestWebInputs, splitWebInputs } from "../web-inputs.ts";

interface IngestSummary {
  inputs: number;
  articles: number;
  created: number;
  duplicates: number;
  known: number;
  failed: Array<{ input: string; code: string; message: string }>;
  stories: string[];
  seconds: number;
  articlesPerSecond: number;
}

export function summarize(
  results: IngestItemResult[],
  readFailures: NewsfuseError[],
  inputs: number,
  seconds: number,
): IngestSummary {
  const failed = [
    ...readFailures.map((e) => ({ input: e.input ?? "?", code: e.code, message: e.message })),
    ...results.flatMap((r) => (r.status === "error" ? [{ input: r.input, code: r.code, message: r.message }] : [])),
  ];
  const stored = results.filter((r) => r.status === "created" || r.status === "duplicate");
  const stories = [...new Set(stored.map((r) => ("storyId" in r ? r.storyId : null)).filter((s): s is string => !!s))];
  return {
    inputs,
    articles: stored.length,
    created: results.filter((r) => r.status === "created").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    known: results.filter((r) => r.status === "known").length,
    failed,
    stories,
    seconds: Math.round(seconds * 100) / 100,
    articlesPerSecond: seconds > 0 ? Math.round((stored.length / seconds) * 10) / 10 : 0,
  };
}

export function register(program: Command): void {
  addStoreOptions(
    program
      .command("ingest")
      .description("Analyze, deduplicate, cluster, fuse and store news files, directories, feeds or JSON Lines dumps")
      .argument(
        "<paths...>",
        "files or directories (.txt, .html, .xml/.rss/.atom, .json, .jsonl, optionally .gz), http(s) URLs of pages or feeds, .opml lists",
      )
      .option("--json", "print a machine-readable summary on stdout")
      .option("--batch-size <n>", "raw inputs per transaction (default 32)")
      .option("--workers <n>", "analysis worker threads (default: one per core; 0 = main thread)")
      .option("--charset <label>", CHARSET_HELP),
  ).action(async (paths: string[], flags: StoreFlags & { json?: boolean; charset?: string }) => {
    const charset = checkCharset(flags.charset);
    if (!charset.ok) {
      console.error(`newsfuse ingest: ${charset.error.message}`);
      process.exitCode = 2;
      return;
    }
    const { urls, files } = splitWebInputs(paths);
    const raws: RawInput[] = [];
    const readFailures: NewsfuseError[] = [];
    const seen = new Set<string>();
    for await (const r of readPaths(files, { charset: charset.value })) {
      if (r.raw) {
        if (!seen.has(r.raw.path)) {
          seen.add(r.raw.path);
          raws.push({ body: r.raw.body, contentType: r.raw.contentType, origin: r.raw.path });
        }
      } else if (!r.ok) readFailures.push(r.error);
    }
    await withStore(flags, async (store) => {
      const t0 = performance.now();
      const tty = !flags.json && !!process.stderr.isTTY;
      const progress = createProgress({
        total: raws.length,
        tty,
        write: (s) => process.stderr.write(s),
        label: "ingest",
      });
      // Progress counts articles; the store learns how many a dump or feed holds as it reads it.
      let fused = 0;
      const results = await store.ingest(raws, {
        onProgress: (e) => e.type === "ingest.progress" && progress.update(e.done, e.failed, e.total),
        onFused: (n) => {
          fused = n;
        },
      });
      progress.end();
      const web = urls.length ? await ingestWebInputs(store, urls) : null;
      if (web) results.push(...web.results);
      if (web) readFailures.push(...web.failures);
      const inputs = raws.length + readFailures.length + (web?.inputs ?? 0);
      const s = summarize(results, readFailures, inputs, (performance.now() - t0) / 1000);
      if (flags.json)
        console.log(JSON.stringify({ ...s, fused, results, ...(web ? { web: web.outcomes } : {}) }, null, 2));
      else {
        console.log(
          `${s.inputs} inputs: ${s.created} new articles, ${s.duplicates} duplicates (stored and linked), ${s.known} already known, ${s.failed.length} failed; ${s.stories.length} stories touched, ${fused} story records re-fused (those an interrupted ingest left included); ${s.seconds}s (${s.articlesPerSecond} articles/s) into ${store.location}`,
        );
        for (const line of web?.lines ?? []) console.log(line);
        if (s.failed.length) {
          console.log("failed:");
          for (const f of s.failed)
            console.log(`  ${f.message.startsWith(f.input) ? f.message : `${f.input}: ${f.message}`} [${f.code}]`);
        }
      }
      if (s.failed.length) process.exitCode = 1;
    });
  });
}
