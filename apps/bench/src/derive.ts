import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as core from "@newsfuse/core";
import { analyze, seededRandom, type Article } from "@newsfuse/core";

type Core = Pick<typeof core, "clusterStories" | "findDuplicates">;

/** The head of the body the store keeps for clustering (packages/store HEAD_CHARS). */
const HEAD_CHARS = 2600;
const CACHE_VERSION = 1;

/**
 * `npm run bench -- derive [--reps 7] [--cluster 3000] [--dedup 300] [--articles 1500] [--baseline <core src/index.ts>]`
 *
 * CPU cost of the two core calls the store's ingest makes for every batch (packages/store
 * src/pipeline/derive.ts): `clusterStories` on ~3,000 articles in the store's light form (title, the
 * first 2,600 characters of the body, entity names; date then id order) and `findDuplicates` on a
 * pool of ~300 full articles (originals next to their near copies, plus headlines). Inputs: the
 * clustering and quotes dev articles, seeded perturbed copies of them (as `bench ingest` makes) and
 * stream dev headlines, analyzed once and cached in the temp directory so reruns start at once.
 * Prints CPU ms per call (process.cpuUsage: user + system, this process only) as the median and the
 * minimum over the repetitions; with the reuse caches, also the cost of a call whose articles were
 * all seen before ("warm") and of one where only the stored articles were ("batch-warm": 256 of
 * the 3,000 articles clustered and half of the dedup pool are new, as in an ingest batch). `--baseline` loads another copy of core and measures it alternately with this
 * one in the same process, checking that both give the same output: the fair old/new ratio on a
 * shared machine. An earlier commit's core, for example:
 *   git archive <rev> packages/core | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npm run bench -- derive --baseline /tmp/base/packages/core/src/index.ts `--fixture <file>` writes the
 * small sample core's golden tests read (packages/core/fixtures/derive-sample.jsonl) and exits.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      reps: { type: "string", default: "7" },
      cluster: { type: "string", default: "3000" },
      dedup: { type: "string", default: "300" },
      articles: { type: "string", default: "1500" },
      baseline: { type: "string" },
      fixture: { type: "string" },
      clustering: { type: "string", default: "/work/shared/bench/clustering/dev.jsonl" },
      quotes: { type: "string", default: "/work/shared/bench/quotes/dev.jsonl" },
      stream: { type: "string", default: "/work/shared/bench/stream/dev.jsonl" },
    },
  });
  const reps = Number(values.reps);
  const nCluster = Number(values.cluster);
  const nDedup = Number(values.dedup);
  const nArticles = Number(values.articles);
  if (![reps, nCluster, nDedup, nArticles].every((n) => Number.isInteger(n) && n > 0)) {
    console.error(
      "usage: npm run bench -- derive [--reps 7] [--cluster 3000] [--dedup 300] [--articles 1500] [--baseline <core src/index.ts>]",
    );
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const all = await loadArticles({
    articles: nArticles,
    total: Math.max(nCluster, nDedup),
    data: [values.clustering!, values.quotes!],
    stream: values.stream!,
  });
  console.log(
    `bench derive: ${all.length} analyzed articles (${Math.min(nArticles, all.length)} dev articles and copies, the rest headlines) ready in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );

  if (values.fixture) {
    writeFileSync(values.fixture, fixtureSample(all.slice(0, nArticles), all.slice(nArticles)));
    console.log(`wrote ${values.fixture}`);
    return;
  }

  const light = all.slice(0, nCluster).map(lightArticle);
  light.sort((x, y) => cmp(x.published.stated ?? "", y.published.stated ?? "") || cmp(x.id, y.id));
  const pool = dedupPool(all.slice(0, nArticles), all.slice(nArticles), nDedup);
  console.log(
    `clusterStories input: ${light.length} light articles; findDuplicates input: ${pool.length} full articles (${pool.filter((a) => a.id.includes("~v")).length} perturbed copies)`,
  );

  const cores: Array<[string, Core]> = [["this core", core]];
  if (values.baseline) cores.unshift(["baseline", (await import(values.baseline)) as Core]);

  const clusterRef = cores[0]![1].clusterStories(light);
  const dedupRef = JSON.stringify(cores[0]![1].findDuplicates(pool));
  for (const [name, c] of cores.slice(1)) {
    const same = sameMap(clusterRef, c.clusterStories(light)) && JSON.stringify(c.findDuplicates(pool)) === dedupRef;
    console.log(`${name}: output ${same ? "identical to" : "DIFFERS FROM"} ${cores[0]![0]}'s`);
    if (!same) process.exitCode = 1;
  }
  console.log(`${new Set(clusterRef.values()).size} stories, ${JSON.parse(dedupRef).length} duplicate groups`);

  // The store keeps these between batches: a call whose articles were all seen before costs this.
  const storyCache = new core.StoryFeatureCache();
  const dedupCache = new core.DedupFeatureCache();
  const same =
    sameMap(core.clusterStories(light, { cache: storyCache }), clusterRef) &&
    JSON.stringify(core.findDuplicates(pool, { cache: dedupCache })) === dedupRef;
  console.log(`this core with caches: output ${same ? "identical" : "DIFFERS"}`);
  if (!same) process.exitCode = 1;

  const results = new Map<string, number[]>();
  const record = (label: string, ms: number) => results.set(label, [...(results.get(label) ?? []), ms]);
  // Alternating the cores within each repetition spreads the machine's noise over both.
  for (let r = 0; r < reps; r++) {
    for (const [name, c] of cores) {
      record(
        `${name}  clusterStories(${light.length})`,
        cpuMs(() => c.clusterStories(light)),
      );
      record(
        `${name}  findDuplicates(${pool.length})`,
        cpuMs(() => c.findDuplicates(pool)),
      );
    }
    record(
      `this core, warm cache  clusterStories(${light.length})`,
      cpuMs(() => core.clusterStories(light, { cache: storyCache })),
    );
    record(
      `this core, warm cache  findDuplicates(${pool.length})`,
      cpuMs(() => core.findDuplicates(pool, { cache: dedupCache })),
    );
    // As in an ingest batch: the batch's own articles are new to the caches, the stored ones are not
    // (a 256-article batch among the 3,000 re-clustered; half of the dedup pool).
    const fresh = (n: number, total: number) =>
      new Set(Array.from({ length: n }, (_, k) => Math.floor((k * total) / n)));
    const newInCluster = fresh(Math.min(256, light.length), light.length);
    const batchStories = new core.StoryFeatureCache();
    core.clusterStories(
      light.filter((_, i) => !newInCluster.has(i)),
      { cache: batchStories },
    );
    record(
      `this core, batch-warm  clusterStories(${light.length})`,
      cpuMs(() => core.clusterStories(light, { cache: batchStories })),
    );
    const newInPool = fresh(Math.floor(pool.length / 2), pool.length);
    const batchDups = new core.DedupFeatureCache();
    core.findDuplicates(
      pool.filter((_, i) => !newInPool.has(i)),
      { cache: batchDups },
    );
    record(
      `this core, batch-warm  findDuplicates(${pool.length})`,
      cpuMs(() => core.findDuplicates(pool, { cache: batchDups })),
    );
  }
  console.log(`CPU ms per call over ${reps} repetitions (median, min):`);
  for (const [label, ms] of results)
    console.log(
      `  ${label.padEnd(56)} ${median(ms).toFixed(1).padStart(8)} ${Math.min(...ms)
        .toFixed(1)
        .padStart(8)}`,
    );
  if (cores.length === 2) {
    for (const what of ["clusterStories", "findDuplicates"]) {
      const [old, now] = cores.map(([name]) =>
        median([...results].find(([l]) => l.startsWith(`${name} `) && l.includes(what))![1]),
      );
      console.log(`  ${what}: baseline / this core = ${(old! / now!).toFixed(2)}x`);
    }
  }
}

function cpuMs(f: () => unknown): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** What the store rebuilds from its light columns for clustering (packages/store articleOfLight). */
function lightArticle(a: Article): Article {
  const published = (a.published.conflicts.length === 0 ? a.published.stated : null) ?? a.published.inferred;
  return {
    ...a,
    titleDerived: false,
    dateline: null,
    published: { stated: published, inferred: null, weekday: null, conflicts: [], source: null, modified: null },
    authors: [],
    contributors: [],
    credits: [],
    provenance: {
      agency: a.provenance.agency,
      republishedFrom: null,
      materialFrom: [],
      outlet: a.provenance.outlet,
      url: null,
    },
    language: null,
    body: a.body.slice(0, HEAD_CHARS),
    entities: a.entities.map((e, i) => ({
      id: `e${i}`,
      name: e.name,
      type: e.type,
      role: null,
      roles: [],
      aliases: [],
      mentions: [],
    })),
    quotes: [],
    numbers: [],
    removed: [],
  };
}

/** Originals next to their near copies (ids sort together) and a sixth headlines, like a batch's pool. */
function dedupPool(articles: Article[], headlines: Article[], n: number): Article[] {
  const bodies = [...articles].sort((x, y) => cmp(x.id, y.id));
  const nHead = Math.min(headlines.length, Math.floor(n / 6));
  return [...bodies.slice(0, n - nHead), ...headlines.slice(0, nHead)].sort((x, y) => cmp(x.id, y.id));
}

/**
 * 100 dev articles, 50 perturbed copies of them and 1,200 headlines spread over the stream's two
 * weeks, with what clustering and dedup read: bodies cut at the store's 2,600 characters, entity
 * names, whole quotes. About 0.8 MB.
 */
function fixtureSample(articles: Article[], headlines: Article[]): string {
  const bases = articles.filter((a) => !a.id.includes("~v"));
  const picked = bases.filter((_, i) => i % Math.floor(bases.length / 100) === 0).slice(0, 100);
  const copies = picked.slice(0, 50).flatMap((b) => articles.filter((a) => a.id === `${b.id}~v1`));
  const step = Math.max(1, Math.floor(headlines.length / 1200));
  const heads = headlines.filter((_, i) => i % step === 0).slice(0, 1200);
  return [...picked, ...copies, ...heads]
    .map((a) =>
      JSON.stringify({
        id: a.id,
        title: a.title,
        body: a.body.slice(0, HEAD_CHARS),
        published: a.published.stated,
        url: a.provenance.url,
        outlet: a.provenance.outlet,
        agency: a.provenance.agency,
        entities: a.entities.map((e) => e.name),
        quotes: a.quotes.filter((q) => !q.partial).map((q) => q.text),
      }),
    )
    .join("\n")
    .concat("\n");
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** Analyzed bench articles: dev articles, perturbed copies up to `articles`, then headlines up to `total`. */
async function loadArticles(o: {
  articles: number;
  total: number;
  data: string[];
  stream: string;
}): Promise<Article[]> {
  const stamp = [...o.data, o.stream].map((p) => `${p}:${statSync(p).size}:${statSync(p).mtimeMs}`).join("|");
  const key = createHash("sha256")
    .update(`${CACHE_VERSION}|${o.articles}|${o.total}|${stamp}`)
    .digest("hex")
    .slice(0, 16);
  const dir = join(tmpdir(), "newsfuse-bench-derive");
  const file = join(dir, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Article[];

  // Loaded only to build the inputs: bench ingest's perturbation, which pulls in the store.
  const { perturb } = await import("./ingest.ts");
  const rnd = seededRandom(7);
  const bases = o.data.flatMap(readJsonl).filter((r) => typeof r.text === "string" && r.text.trim());
  const inputs: core.AnalyzeInput[] = [];
  const input = (r: Record<string, unknown>, id: string, text: string) =>
    inputs.push({ id, text, title: str(r.title), published: str(r.published), outlet: str(r.source), url: str(r.url) });
  for (const b of bases) if (inputs.length < o.articles) input(b, String(b.id), String(b.text));
  for (let k = 1; inputs.length < o.articles; k++)
    for (const b of bases) if (inputs.length < o.articles) input(b, `${b.id}~v${k}`, perturb(String(b.text), rnd));
  const stream = readJsonl(o.stream);
  // Headlines spread over the whole dev stream rather than its first day.
  const step = Math.max(1, Math.floor(stream.length / Math.max(1, o.total - inputs.length)));
  for (let i = 0; inputs.length < o.total && i < stream.length; i += step)
    input(stream[i]!, String(stream[i]!.id), String(stream[i]!.title));
  console.log(`bench derive: analyzing ${inputs.length} inputs once (cached in ${dir})...`);
  const out = inputs.map((i) => analyze(i));
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(out));
  return out;
}
