import { bcubed, clusterStoriesAndEvents, seededRandom, type Article } from "@newsfuse/core";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AnalyzePool, openStore, phaseMs, type RawInput, type SqlStore } from "@newsfuse/store";
import { createDatabase, startPostgres } from "@newsfuse/store/harness";

/**
 * `npm run bench -- ingest [--n 20000] [--headlines 0.5] [--backend both|embedded|server] [--batch 64]
 *   [--workers N] [--order grouped|mixed] [--data <articles.jsonl>]... [--stream <headlines.jsonl>] [--html <dir>]`
 *
 * Builds N raw inputs: the dev article sets (clustering, quotes: JSON Lines with text; extraction: gzipped
 * HTML pages; the seeds), perturbed copies of those articles until the article share is filled (seeded:
 * 1-3 of: a sentence dropped, two sentences swapped, a word edited, a boilerplate footer added), and
 * headlines from the stream dev set (one JSON Lines input each, the headline as text); `--order grouped`
 * (default) sends every article first, then every headline, `mixed` interleaves them. Then measures, on
 * the same inputs and the same worker threads: analysis alone (parse + analyze on the pool), and a full
 * ingest into each backend (analyze + dedup + stories + fusion + persist). Prints articles/s, the ratio,
 * the database size, and the time to reopen the store and reload its indexes.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: "string", default: "20000" },
      headlines: { type: "string", default: "0.5" },
      backend: { type: "string", default: "both" },
      batch: { type: "string", default: "64" },
      workers: { type: "string", default: String(availableParallelism()) },
      data: { type: "string", multiple: true },
      stream: { type: "string", default: "/work/shared/bench/stream/dev.jsonl" },
      html: { type: "string", default: "/work/shared/bench/extraction/dev/html" },
      seed: { type: "string", default: "7" },
      order: { type: "string", default: "grouped" },
    },
  });
  const n = Number(values.n);
  const workers = Number(values.workers);
  const batch = Number(values.batch);
  const data = values.data ?? ["/work/shared/bench/clustering/dev.jsonl", "/work/shared/bench/quotes/dev.jsonl"];
  const backends = values.backend === "both" ? ["embedded", "server"] : [values.backend!];
  if (!Number.isInteger(n) || n <= 0 || backends.some((b) => b !== "embedded" && b !== "server")) {
    console.error(
      "usage: npm run bench -- ingest [--n 20000] [--headlines 0.5] [--backend both|embedded|server] [--batch 64] [--workers N] [--order grouped|mixed] [--data f.jsonl]... [--stream f.jsonl] [--html dir]",
    );
    process.exitCode = 2;
    return;
  }

  if (values.order !== "grouped" && values.order !== "mixed") {
    console.error(
      `bench ingest: --order is grouped (every article, then every headline) or mixed (the two interleaved, each in its own order)`,
    );
    process.exitCode = 2;
    return;
  }
  const built = buildInputs({
    n,
    headlineShare: Number(values.headlines),
    data,
    stream: values.stream!,
    html: values.html!,
    seed: Number(values.seed),
  });
  const inputs =
    values.order === "mixed"
      ? interleave(
          built.filter((r) => !r.origin.startsWith("headline:")),
          built.filter((r) => r.origin.startsWith("headline:")),
        )
      : built;
  const mb = inputs.reduce((s, r) => s + r.body.length, 0) / 1e6;
  console.log(
    `bench ingest: ${inputs.length} raw inputs (${mb.toFixed(1)} MB: ${inputs.filter((r) => r.origin.startsWith("headline:")).length} headlines, the rest articles and perturbed copies; order ${values.order}), ${workers} analysis workers, batches of ${batch}`,
  );

  // Analysis alone: the same parse + analyze the ingest runs, on the same worker pool size.
  const pool = new AnalyzePool(workers);
  await pool.run(inputs[0]!); // start the workers before the clock
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  let analyzed = 0;
  const headlineArticles: Article[] = [];
  for (let i = 0; i < inputs.length; i += 256)
    for (const [k, r] of (await pool.map(inputs.slice(i, i + 256))).entries()) {
      analyzed += r.articles.length;
      if (inputs[i + k]!.origin.startsWith("headline:")) headlineArticles.push(...r.articles.map((a) => a.article));
    }
  const analysisSeconds = (performance.now() - t0) / 1000;
  const analysisCpu = cpuSeconds(cpu0);
  await pool.close();
  const analysisRate = analyzed / analysisSeconds;
  console.log(
    `analysis alone: ${analyzed} articles in ${analysisSeconds.toFixed(1)}s = ${analysisRate.toFixed(1)} articles/s (${analysisCpu.toFixed(1)} CPU-seconds, all threads)`,
  );
  // Story quality guard: the stored stories of the headlines against the stream set's gold stories, next
  // to core's clusterStories over the same headlines alone (what batch clustering would give).
  const gold = goldStories(
    values.stream!,
    headlineArticles.map((a) => a.id),
  );
  const reference = bcubed(gold, clusterStoriesAndEvents(headlineArticles).storyOf);
  if (gold.size)
    console.log(
      `headline stories, core clusterStoriesAndEvents alone: B-cubed F1 ${reference.f1.toFixed(3)} (${reference.predictedClusters} stories for ${gold.size} headlines, ${reference.goldClusters} gold)`,
    );

  for (const backend of backends) {
    let dir: string | null = null;
    let pg: { url: string; stop: () => void } | null = null;
    let target: { dataDir?: string; databaseUrl: string };
    if (backend === "embedded") {
      dir = mkdtempSync(join(tmpdir(), "newsfuse-bench-"));
      target = { dataDir: dir, databaseUrl: "" };
    } else {
      process.env.PG_FSYNC = "on";
      process.env.PG_SYNC_COMMIT = "on";
      pg = await startPostgres();
      target = { databaseUrl: await createDatabase(pg.url, "bench") };
    }
    try {
      let store: SqlStore = await openStore({ ...target, workers, batchSize: batch });
      await store.ingest(inputs.slice(0, 1)); // start the workers before the clock, like above
      for (const k of Object.keys(phaseMs)) delete phaseMs[k];
      t0 = performance.now();
      cpu0 = process.cpuUsage();
      const results = await store.ingest(inputs.slice(1));
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(cpu0);
      const stored = results.filter((r) => r.status === "created" || r.status === "duplicate").length;
      const failed = results.filter((r) => r.status === "error").length;
      const rate = stored / seconds;
      const phases = Object.entries(phaseMs)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
        .join(", ");
      const stats = await store.stats();
      const storyOf = new Map(
        (await store.db.selectFrom("articles").select(["id", "story_id"]).execute()).map((r) => [r.id, r.story_id]),
      );
      const quality = bcubed(gold, storyOf);
      const size = await store.sizeBytes();
      await store.close();
      t0 = performance.now();
      store = await openStore({ ...target, workers });
      const reopen = (performance.now() - t0) / 1000;
      const reloaded = (await store.loadIndexes()).articles;
      await store.close();
      console.log(
        `${backend.padEnd(8)}: ingest ${stored} articles (${failed} failed inputs) in ${seconds.toFixed(1)}s = ${rate.toFixed(1)} articles/s = ${((rate / analysisRate) * 100).toFixed(0)}% of analysis alone (target >= 70%)`,
      );
      console.log(
        `${"".padEnd(8)}  ${cpu.toFixed(1)} CPU-seconds in this process, all threads (${(cpu / analysisCpu).toFixed(2)}x analysis alone${backend === "server" ? "; the server's own CPU is not counted" : ""})`,
      );
      console.log(`${"".padEnd(8)}  where the time went (main thread): ${phases}`);
      console.log(
        `${"".padEnd(8)}  headline stories as stored: B-cubed F1 ${quality.f1.toFixed(3)} (${quality.predictedClusters} stories; core alone ${reference.f1.toFixed(3)})`,
      );
      console.log(
        `${"".padEnd(8)}  ${stats.articles} articles, ${stats.duplicates} duplicates in ${stats.duplicateGroups} groups, ${stats.stories} stories, ${stats.events} events, ${stats.entities} entities, ${stats.quotes} quotes; database ${(size / 1e6).toFixed(1)} MB; reopen + reload indexes of ${reloaded} articles ${reopen.toFixed(2)}s (target < 5s)`,
      );
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
      pg?.stop();
    }
  }
}

interface Base {
  id: string;
  title?: string;
  text: string;
  published?: string;
  source?: string;
}

const enc = new TextEncoder();
const FOOTERS = [
  "Copyright 2024 Example Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Sign up for our morning newsletter to get the day's top stories.",
  "Follow us on social media for the latest updates.",
  "This story has been corrected to fix the spelling of a name.",
];
const EDITS: Array<[RegExp, string]> = [
  [/\bsaid\b/, "stated"],
  [/\bTuesday\b/, "Wednesday"],
  [/\bpolice\b/, "officers"],
  [/\bpeople\b/, "residents"],
  [/\bannounced\b/, "revealed"],
];

/** `a` and `b` interleaved evenly, each keeping its own order (a feed where full articles and headlines arrive together). */
export function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Take from whichever list is behind its share of what has been taken so far.
    if (j >= b.length || (i < a.length && i * b.length <= j * a.length)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** A near-copy of `text`: 1-3 edits a syndicating outlet might make. */
export function perturb(text: string, rnd: () => number): string {
  let sentences = text.split(/(?<=[.!?]["”’]?)\s+/);
  const ops = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(rnd() * 4);
    if (op === 0 && sentences.length > 6) sentences.splice(1 + Math.floor(rnd() * (sentences.length - 2)), 1);
    else if (op === 1 && sentences.length > 3) {
      const i = 1 + Math.floor(rnd() * (sentences.length - 2));
      [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
    } else if (op === 2) {
      const [re, to] = EDITS[Math.floor(rnd() * EDITS.length)]!;
      const i = Math.floor(rnd() * sentences.length);
      sentences[i] = sentences[i]!.replace(re, to);
    } else sentences = [...sentences, FOOTERS[Math.floor(rnd() * FOOTERS.length)]!];
  }
  return sentences.join(" ");
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
};

/** Gold story of each headline id (the stream set's `cluster`). */
function goldStories(stream: string, ids: string[]): Map<string, string> {
  const want = new Set(ids);
  const out = new Map<string, string>();
  for (const r of readJsonl(stream))
    if (want.has(String(r.id)) && typeof r.cluster === "string") out.set(String(r.id), r.cluster);
  return out;
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function line(o: Record<string, unknown>, origin: string): RawInput {
  return { body: enc.encode(`${JSON.stringify(o)}\n`), contentType: "application/x-ndjson", origin };
}

export function buildInputs(o: {
  n: number;
  headlineShare: number;
  data: string[];
  stream: string;
  html: string;
  seed: number;
}): RawInput[] {
  const rnd = seededRandom(o.seed);
  const bases: Base[] = [];
  for (const path of o.data)
    for (const r of readJsonl(path))
      if (typeof r.text === "string" && r.text.trim())
        bases.push({
          id: String(r.id),
          text: r.text,
          title: r.title as string | undefined,
          published: r.published as string | undefined,
          source: r.source as string | undefined,
        });
  const seedDir = new URL("../../../seeds/", import.meta.url).pathname;
  const out: RawInput[] = readdirSync(seedDir)
    .sort()
    .map((f) => ({ body: new Uint8Array(readFileSync(seedDir + f)), contentType: "text/plain", origin: `seeds/${f}` }));
  for (const f of readdirSync(o.html)
    .filter((f) => f.endsWith(".html.gz"))
    .sort())
    out.push({ body: new Uint8Array(readFileSync(join(o.html, f))), contentType: "text/html", origin: f });
  const articles = Math.round(o.n * (1 - o.headlineShare));
  for (const b of bases) if (out.length < articles) out.push(line({ ...b }, `${b.id}`));
  for (let k = 1; out.length < articles; k++)
    for (const b of bases) {
      if (out.length >= articles) break;
      out.push(line({ ...b, id: `${b.id}~v${k}`, text: perturb(b.text, rnd) }, `${b.id}~v${k}`));
    }
  const headlines = readJsonl(o.stream);
  for (let i = 0; out.length < o.n && i < headlines.length; i++) {
    const h = headlines[i]!;
    out.push(
      line(
        { id: h.id, title: h.title, text: h.title, published: h.published, source: h.source, url: h.url },
        `headline:${h.id}`,
      ),
    );
  }
  return out;
}
