import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import {
  analyze,
  clusterStoriesAndEvents,
  findDuplicates,
  parseClusterRecord,
  representatives,
  type ClusterRecord,
  type NewsfuseError,
} from "@newsfuse/core";

type Level = "story" | "event";

/** Reads every record of a clustering JSON Lines file; the first bad line stops with its line number. */
async function readJsonl(
  path: string,
): Promise<{ ok: true; records: ClusterRecord[] } | { ok: false; error: NewsfuseError }> {
  const records: ClusterRecord[] = [];
  const seen = new Set<string>();
  const stream = createReadStream(path, { encoding: "utf8" });
  const opened = new Promise<NewsfuseError | null>((resolve) => {
    stream.once("error", (e: NodeJS.ErrnoException) =>
      resolve({
        code: e.code === "ENOENT" ? "input_missing" : "input_malformed",
        message: `cannot read ${path}: ${e.message}`,
        input: path,
      }),
    );
    stream.once("readable", () => resolve(null));
  });
  const failed = await opened;
  if (failed) return { ok: false, error: failed };
  let lineNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    const r = parseClusterRecord(line, path, lineNo);
    if (!r.ok) return { ok: false, error: r.error };
    if (seen.has(r.value.id)) {
      return {
        ok: false,
        error: {
          code: "input_malformed",
          message: `${path}:${lineNo}: duplicate id "${r.value.id}"`,
          input: `${path}:${lineNo}`,
        },
      };
    }
    seen.add(r.value.id);
    records.push(r.value);
  }
  if (records.length === 0)
    return { ok: false, error: { code: "input_empty", message: `${path}: no records`, input: path } };
  return { ok: true, records };
}

/** Clusters records as every product path does: analyze, find copies, then core's clusterStoriesAndEvents (any input order gives the same). */
export function clusterRecords(records: ClusterRecord[], level: Level): Map<string, string> {
  const articles = records.map((r) =>
    analyze({
      id: r.id,
      text: r.text,
      title: r.title || undefined,
      url: r.url ?? undefined,
      published: r.published ?? undefined,
      outlet: r.source ?? undefined,
    }),
  );
  const { storyOf, eventOf } = clusterStoriesAndEvents(articles, {
    representativeOf: representatives(findDuplicates(articles)),
  });
  return level === "story" ? storyOf : eventOf;
}

export interface ClusterOptions {
  in: string;
  out: string;
  level: string;
}

/** Runs `newsfuse cluster`; returns the exit code (0 ok, 2 bad input or output). */
export async function runCluster(
  opts: ClusterOptions,
  io: { err: (s: string) => void } = { err: (s) => console.error(s) },
): Promise<number> {
  if (opts.level !== "story" && opts.level !== "event") {
    io.err(`newsfuse cluster: --level must be "story" or "event", got "${opts.level}"`);
    return 2;
  }
  const read = await readJsonl(opts.in);
  if (!read.ok) {
    io.err(`newsfuse cluster: ${read.error.code}: ${read.error.message}`);
    return 2;
  }
  const clusters = clusterRecords(read.records, opts.level);
  const out = createWriteStream(opts.out);
  const done = new Promise<Error | null>((resolve) => {
    out.once("error", resolve);
    out.once("finish", () => resolve(null));
  });
  for (const r of read.records) out.write(`${JSON.stringify({ id: r.id, cluster: clusters.get(r.id) ?? null })}\n`);
  out.end();
  const error = await done;
  if (error) {
    io.err(`newsfuse cluster: cannot write ${opts.out}: ${error.message}`);
    return 2;
  }
  io.err(
    `newsfuse cluster: ${read.records.length} items -> ${new Set(clusters.values()).size} ${opts.level} clusters in ${opts.out}`,
  );
  return 0;
}

export function register(program: Command): void {
  program
    .command("cluster")
    .description(
      "Cluster a JSON Lines file of articles or headlines into stories or events; writes one {id, cluster} line per item.",
    )
    .requiredOption("--in <articles.jsonl>", "input: one {id, title, text?, url?, published?, source?} object per line")
    .requiredOption("--out <pred.jsonl>", "output: one {id, cluster} object per line, in input order")
    .option("--level <level>", "story (fast, title/text/url) or event (full analysis, concrete happenings)", "story")
    .action(async (opts: ClusterOptions) => {
      process.exitCode = await runCluster(opts);
    });
}
