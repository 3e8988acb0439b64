import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { getJson, pages } from "../server-reads.ts";
import { addStoreOptions, readTarget, reportStoreError, withStore, type StoreFlags } from "../store-access.ts";

type What = "articles" | "stories";

/** The rows a running `newsfuse serve` gives for an export, in the store's export order. */
async function* fromServer(url: string, what: What): AsyncGenerator<unknown> {
  if (what === "articles") {
    // The list is in ingest order, like the store's export; each row is the full article.
    for await (const a of pages<{ id: string }>(url, "/v1/articles"))
      yield await getJson(url, `/v1/articles/${encodeURIComponent(a.id)}`);
    return;
  }
  // Stories are listed newest first; the export goes oldest first.
  const ids: string[] = [];
  for await (const s of pages<{ id: string }>(url, "/v1/stories")) ids.push(s.id);
  for (const id of ids.reverse()) yield await getJson(url, `/v1/stories/${encodeURIComponent(id)}`);
}

async function writeRows(rows: AsyncIterable<unknown>, flags: { out?: string; what: string }): Promise<void> {
  const out: Writable = flags.out ? createWriteStream(flags.out) : process.stdout;
  let n = 0;
  for await (const row of rows) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
    n++;
  }
  if (flags.out) {
    out.end();
    await once(out, "finish");
    console.error(`wrote ${n} ${flags.what} to ${flags.out}`);
  }
}

/** `newsfuse export`: read-only; refuses a directory with no store, reads through a running `newsfuse serve`. */
export function register(program: Command): void {
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
    const what: What = flags.what;
    try {
      const target = readTarget(flags);
      if (target.kind === "server") {
        await writeRows(fromServer(target.url, what), flags);
        return;
      }
    } catch (e) {
      reportStoreError(e);
      return;
    }
    await withStore(
      flags,
      (store) => writeRows(what === "articles" ? store.exportArticles() : store.exportStories(), flags),
      { skipIndexes: true, shortLived: true },
    );
  });
}
