import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { analyzeBatch, fuseStory, seededRandom, type AnalyzeInput, type Article } from "@newsfuse/core";
import { perturb } from "./ingest.ts";

/**
 * `npm run bench -- fuse [--data <articles.jsonl>]... [--rounds 5] [--sizes 25,100,400] [--fresh]`
 *
 * Fusion cost on stories of the sizes the store re-fuses (it re-fuses a story with up to 400 of its
 * articles whenever an ingest touches it). The dev article sets are analyzed once (cached in the temp
 * directory, keyed by their content) together with one perturbed copy of each article, as the ingest
 * bench makes them, so big stories hold copies the way real ones do. Stories:
 *   ~25: two consecutive gold events of the clustering set (a topic-sized story);
 *   100 and 400: windows of the pool (each article followed by its copy), unrelated topics
 *   concatenated as in a huge story that absorbed many.
 * Prints, per size, CPU ms per `fuseStory` call and articles fused per CPU second, and a hash of the
 * output so a change can be checked for byte-identical results.
 * `--baseline <dir>`: also runs the fuseStory of another checkout's core (e.g. made by
 * `git archive <commit> packages/core | tar -x -C <dir>` plus a node_modules link), interleaved with
 * this one in the same process, checks that both outputs are byte-identical and prints the speedup.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string", multiple: true },
      rounds: { type: "string", default: "5" },
      sizes: { type: "string", default: "25,100,400" },
      seed: { type: "string", default: "7" },
      fresh: { type: "boolean", default: false },
      fixture: { type: "string" },
      baseline: { type: "string" },
    },
  });
  const data = values.data ?? ["/work/shared/bench/clustering/dev.jsonl", "/work/shared/bench/quotes/dev.jsonl"];
  const rounds = Number(values.rounds);
  const sizes = values.sizes!.split(",").map(Number);
  if (!Number.isInteger(rounds) || rounds < 1 || sizes.some((s) => !Number.isInteger(s) || s < 2)) {
    console.error(
      "usage: npm run bench -- fuse [--data f.jsonl]... [--rounds 5] [--sizes 25,100,400] [--seed 7] [--fresh]",
    );
    process.exitCode = 2;
    return;
  }
  const { pool, clusters } = loadPool(data, Number(values.seed), values.fresh!);
  if (values.fixture) {
    writeFixture(values.fixture, pool, clusters);
    return;
  }
  console.log(
    `bench fuse: ${pool.length} analyzed articles (${pool.length / 2} originals + one perturbed copy each), ${rounds} rounds per story`,
  );

  const variants: Array<{ name: string; fuse: FuseFn }> = [{ name: "current", fuse: fuseStory }];
  if (values.baseline) {
    const core = (await import(pathToFileURL(join(values.baseline, "packages/core/src/index.ts")).href)) as {
      fuseStory: FuseFn;
    };
    variants.push({ name: "baseline", fuse: core.fuseStory });
  }
  for (const size of sizes) {
    const stories = buildStories(size, pool, clusters);
    if (!stories.length) continue;
    const mean = stories.reduce((n, s) => n + s.length, 0) / stories.length;
    // The output hash, from a warm-up call per story (JIT, memo caches as a long-running store has them).
    const hashes = variants.map((v) => {
      const hash = createHash("sha1");
      for (const [i, s] of stories.entries()) hash.update(JSON.stringify(v.fuse(`story-${size}-${i}`, s)));
      return hash.digest("hex").slice(0, 12);
    });
    console.log(
      `size~${size}: ${stories.length} stories (mean ${mean.toFixed(0)} articles) output_sha1=${hashes[0]}` +
        (hashes.length > 1 ? ` baseline_sha1=${hashes[1]} identical=${hashes[0] === hashes[1]}` : ""),
    );
    // First fusion: articles never fused before (fresh ids each round). Re-fusion: the same articles
    // again as fresh objects, as the store loads them from its database whenever an ingest touches
    // the story. Copies are made before the clock starts; variants alternate round by round.
    const modes: Array<[string, (s: Article[], round: number) => Article[]]> = [
      ["first fusion", (s, r) => s.map((a) => ({ ...a, id: `r${r}/${a.id}` }))],
      ["re-fusion", (s) => JSON.parse(JSON.stringify(s)) as Article[]],
    ];
    for (const [mode, prepare] of modes) {
      const totals = variants.map(() => ({ cpuMs: 0, wallMs: 0, calls: 0, fused: 0 }));
      // Re-fusion is measured in its steady state: each story fused once before the clock starts.
      if (mode === "re-fusion")
        for (const v of variants)
          measure(
            v.fuse,
            stories.map((s) => prepare(s, 0)),
            size,
          );
      for (let r = 0; r < rounds; r++)
        variants.forEach((v, k) => {
          const m = measure(
            v.fuse,
            stories.map((s) => prepare(s, r)),
            size,
          );
          for (const key of ["cpuMs", "wallMs", "calls", "fused"] as const) totals[k][key] += m[key];
        });
      const line = totals.map(
        (t, k) =>
          `${variants[k].name}: cpu_ms_per_call=${(t.cpuMs / t.calls).toFixed(1)} wall_ms_per_call=${(t.wallMs / t.calls).toFixed(1)} articles_per_cpu_s=${Math.round(t.fused / (t.cpuMs / 1000))}`,
      );
      const speedup = totals.length > 1 ? ` speedup_cpu=${(totals[1].cpuMs / totals[0].cpuMs).toFixed(2)}x` : "";
      console.log(`  ${mode.padEnd(12)} ${line.join(" | ")}${speedup}`);
    }
  }
}

type FuseFn = (storyId: string, articles: Article[]) => unknown;

/** CPU and wall milliseconds of fusing each story once. */
function measure(fuse: FuseFn, stories: Article[][], size: number) {
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  let fused = 0;
  for (const [i, s] of stories.entries()) {
    fuse(`story-${size}-${i}`, s);
    fused += s.length;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(u0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs, calls: stories.length, fused };
}

interface Pool {
  /** Every original followed by its perturbed copy. */
  pool: Article[];
  /** Original articles of the clustering set by gold event, in file order. */
  clusters: Article[][];
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);

/** Analysis takes most of a minute; fusion is what is measured, so the analyzed pool is cached. */
function loadPool(data: string[], seed: number, fresh: boolean): Pool {
  const rows = data.map((path) => readJsonl(path));
  const key = createHash("sha1")
    .update(JSON.stringify({ v: 1, seed, rows }))
    .digest("hex")
    .slice(0, 16);
  const cache = join(tmpdir(), `newsfuse-bench-fuse-${key}.json`);
  let cached: { articles: Article[]; cluster: Record<string, string> } | null = null;
  if (!fresh && existsSync(cache)) cached = JSON.parse(readFileSync(cache, "utf8"));
  if (!cached) {
    const rnd = seededRandom(seed);
    const inputs: AnalyzeInput[] = [];
    const cluster: Record<string, string> = {};
    for (const [f, list] of rows.entries())
      for (const r of list) {
        const text = str(r.text);
        if (!text) continue;
        const id = `${f}:${String(r.id)}`;
        const base = {
          title: str(r.title),
          published: str(r.published) ?? str(r.date),
          outlet: str(r.source) ?? str(r.publisher),
        };
        inputs.push({ id, text, ...base });
        inputs.push({ id: `${id}~copy`, text: perturb(text, rnd), ...base });
        if (typeof r.cluster === "string") cluster[id] = r.cluster;
      }
    const t0 = performance.now();
    cached = { articles: analyzeBatch(inputs), cluster };
    console.log(
      `analyzed ${inputs.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)}s (cached in ${cache})`,
    );
    writeFileSync(cache, JSON.stringify(cached));
  }
  const byCluster = new Map<string, Article[]>();
  for (const a of cached.articles) {
    const c = cached.cluster[a.id];
    if (!c) continue;
    const list = byCluster.get(c);
    if (list) list.push(a);
    else byCluster.set(c, [a]);
  }
  return { pool: cached.articles, clusters: [...byCluster.values()] };
}

/** Stories of about `size` articles: pairs of gold events for small sizes, windows of the pool for big ones. */
function buildStories(size: number, pool: Article[], clusters: Article[][]): Article[][] {
  if (size <= 40) {
    const out: Article[][] = [];
    for (let i = 0; i + 1 < clusters.length; i += 2) out.push([...clusters[i], ...clusters[i + 1]]);
    return out;
  }
  // Up to four windows, evenly spread over the pool, so different topics are measured.
  const count = Math.min(4, Math.floor(pool.length / size));
  const step = count > 1 ? Math.floor((pool.length - size) / (count - 1)) : 0;
  return Array.from({ length: count }, (_, k) => pool.slice(k * step, k * step + size));
}

/**
 * `--fixture <file>`: the golden fixture of core's fusion tests, cut from the pool: two topic-sized
 * stories of gold events and one of quote-rich political articles, each with some perturbed copies.
 * Analysis output is stored, not recomputed, so the fixture pins fusion alone.
 */
function writeFixture(path: string, pool: Article[], clusters: Article[][]): void {
  const byId = new Map(pool.map((a) => [a.id, a]));
  const withCopies = (originals: Article[], copies: number) => [
    ...originals,
    ...originals.slice(0, copies).flatMap((a) => byId.get(`${a.id}~copy`) ?? []),
  ];
  const quoteRich = pool.filter((a) => a.id.startsWith("1:") && !a.id.endsWith("~copy")).slice(0, 30);
  const stories = {
    events_a: withCopies([...clusters[0], ...clusters[1]], 6),
    events_b: withCopies([...clusters[2], ...clusters[3]], 6),
    quotes: withCopies(quoteRich, 10),
  };
  // What fusion never reads and the output only echoes: dropped to keep the fixture small.
  const articles = Object.values(stories)
    .flat()
    .map((a) => ({ ...a, removed: [] }));
  const ids = Object.fromEntries(Object.entries(stories).map(([k, v]) => [k, v.map((a) => a.id)]));
  writeFileSync(path, `${JSON.stringify({ stories: ids, articles })}\n`);
  console.log(`wrote ${articles.length} articles to ${path}`);
}
