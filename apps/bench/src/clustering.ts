import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { parseArgs } from "node:util";
import {
  analyze,
  bcubed,
  clusterStoriesAndEvents,
  findDuplicates,
  fuse,
  parseClusterRecord,
  representatives,
  StoryIndex,
  storyItemFromRecord,
  type ClusterRecord,
  type StoryIndexOptions,
} from "@newsfuse/core";

/** Reads a (optionally gzipped) clustering JSON Lines file; exits with a clear message on a bad line. */
export async function readRecords(path: string, limit = Infinity): Promise<ClusterRecord[]> {
  const out: ClusterRecord[] = [];
  const stream = createReadStream(path);
  const failed = new Promise<never>((_, reject) => stream.on("error", reject));
  const lines = createInterface({
    input: path.endsWith(".gz") ? stream.pipe(createGunzip()) : stream,
    crlfDelay: Infinity,
  });
  let lineNo = 0;
  const reading = (async () => {
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      const r = parseClusterRecord(line, path, lineNo);
      if (!r.ok) {
        console.error(`bench: ${r.error.message}`);
        process.exit(2);
      }
      out.push(r.value);
      if (out.length >= limit) break;
    }
  })();
  try {
    await Promise.race([reading, failed]);
  } catch (e) {
    console.error(`bench: cannot read ${path}: ${(e as Error).message}`);
    process.exit(2);
  }
  lines.close();
  stream.destroy();
  return out;
}

/** Peak memory so far: the process's resident-set high-water mark and a sampled heap high-water mark. */
export class MemoryWatch {
  heapPeak = 0;
  sample(): void {
    const h = process.memoryUsage().heapUsed;
    if (h > this.heapPeak) this.heapPeak = h;
  }
  get rssPeakMb(): number {
    return process.resourceUsage().maxRSS / 1024;
  }
  get heapPeakMb(): number {
    return this.heapPeak / 2 ** 20;
  }
}

/** Time order for a stream: by published time, stable, input order kept when there are no dates. */
export function timeOrder(records: ClusterRecord[]): ClusterRecord[] {
  const t = records.map((r) => (r.published ? Date.parse(r.published) : Number.POSITIVE_INFINITY));
  return records
    .map((_, i) => i)
    .sort((a, b) => (t[a] === t[b] ? a - b : t[a] - t[b]))
    .map((i) => records[i]);
}

export function clusterStoryRecords(
  records: ClusterRecord[],
  options: StoryIndexOptions = {},
  mem?: MemoryWatch,
): Map<string, string> {
  const index = new StoryIndex(options);
  let n = 0;
  for (const r of timeOrder(records)) {
    index.add(storyItemFromRecord(r));
    if (mem && ++n % 5000 === 0) mem.sample();
  }
  index.flush();
  mem?.sample();
  return index.assignments();
}

/** The stories and the events inside them as core's `fuse` returns them. */
export function fusedRecords(records: ClusterRecord[]) {
  const result = fuse(records.map(analyzeRecord));
  const storyOf = new Map<string, string>();
  const eventOf = new Map<string, string>();
  for (const s of result.stories) {
    for (const a of s.articles) storyOf.set(a.id, s.id);
    for (const e of s.events) for (const id of e.articles) eventOf.set(id, `${s.id}/${e.id}`);
  }
  return { storyOf, eventOf };
}

const analyzeRecord = (r: ClusterRecord) =>
  analyze({
    id: r.id,
    text: r.text,
    title: r.title || undefined,
    url: r.url ?? undefined,
    published: r.published ?? undefined,
    outlet: r.source ?? undefined,
  });

/** The product path (what `fuse`, `cluster` and the store run): analyze, find copies, clusterStoriesAndEvents. */
export function clusterProductRecords(records: ClusterRecord[]) {
  const articles = records.map(analyzeRecord);
  return clusterStoriesAndEvents(articles, { representativeOf: representatives(findDuplicates(articles)) });
}

const f4 = (x: number) => x.toFixed(4);

/**
 * `npm run bench -- clustering --data <file.jsonl> [--level product|index] [--sweep threshold=0.1,0.2]`: the
 * product path scores its stories and its events against the file's gold clusters; `index` runs the light
 * StoryIndex alone (the headline part of the product path) for sweeps of its options.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string", default: "../shared/bench/stream/dev.jsonl" },
      level: { type: "string", default: "product" },
      sweep: { type: "string", multiple: true },
      set: { type: "string", multiple: true },
    },
  });
  if (values.level !== "product" && values.level !== "index" && values.level !== "fuse") {
    console.error(
      `bench clustering: --level is "product" (stories and events as fuse, cluster and ingest make them), "fuse" (the stories and events of core's fuse output) or "index" (StoryIndex alone), got "${values.level}"`,
    );
    process.exitCode = 2;
    return;
  }
  const records = await readRecords(values.data!);
  const gold = new Map<string, string>();
  for (const r of records) if (r.cluster !== null) gold.set(r.id, r.cluster);
  if (gold.size === 0) {
    console.error(`bench clustering: ${values.data} has no "cluster" field to score against`);
    process.exitCode = 2;
    return;
  }
  const base: StoryIndexOptions = parseSettings(values.set ?? []);
  const runs: StoryIndexOptions[] = [base];
  for (const s of values.sweep ?? []) {
    const [key, list] = s.split("=");
    const next: StoryIndexOptions[] = [];
    for (const r of runs.length ? runs : [base]) for (const v of list.split(",")) next.push({ ...r, [key]: Number(v) });
    runs.splice(0, runs.length, ...next);
  }
  console.log(
    `data=${values.data} items=${records.length} gold_clusters=${new Set(gold.values()).size} level=${values.level}`,
  );
  for (const opts of runs) {
    const mem = new MemoryWatch();
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    const levels: Array<[string, Map<string, string>]> = [];
    if (values.level === "index")
      levels.push(["StoryIndex " + JSON.stringify(opts), clusterStoryRecords(records, opts, mem)]);
    else if (values.level === "fuse") {
      const { storyOf, eventOf } = fusedRecords(records);
      levels.push(["fuse stories", storyOf], ["fuse events", eventOf]);
    } else {
      const { storyOf, eventOf } = clusterProductRecords(records);
      levels.push(["stories", storyOf], ["events", eventOf]);
    }
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(u0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    mem.sample();
    for (const [label, pred] of levels) {
      const s = bcubed(gold, pred);
      console.log(
        `${label} b3_p=${f4(s.precision)} b3_r=${f4(s.recall)} b3_f1=${f4(s.f1)} pair_f1=${f4(s.pairF1)} clusters=${s.predictedClusters}`,
      );
    }
    console.log(
      `time=${secs.toFixed(2)}s cpu=${cpuSecs.toFixed(2)}s items_per_s=${Math.round(records.length / secs)} items_per_cpu_s=${Math.round(records.length / cpuSecs)} peak_rss_mb=${mem.rssPeakMb.toFixed(0)} peak_heap_mb=${mem.heapPeakMb.toFixed(0)}`,
    );
  }
}

function parseSettings(list: string[]): StoryIndexOptions {
  const o: Record<string, number> = {};
  for (const s of list) {
    const [k, v] = s.split("=");
    o[k] = Number(v);
  }
  return o as StoryIndexOptions;
}
