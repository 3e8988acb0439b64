import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import {
  bcubed,
  DedupIndex,
  dedupEntry,
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  CONTAINMENT_MIN_SHINGLES,
  setSimilarity,
  StoryIndex,
  storyItemFromRecord,
  UnionFind,
  type ClusterRecord,
  type DedupEntry,
  seededRandom,
} from "@newsfuse/core";
import { MemoryWatch, readRecords, timeOrder } from "./clustering.ts";

const DEFAULT_DATA = "../shared/bench/stream/scale.jsonl.gz";
const DEFAULT_DEV = "../shared/bench/clustering/dev.jsonl";

interface PhaseResult {
  secs: number;
  cpuSecs: number;
  heapPeakMb: number;
}
interface SizeResult {
  n: number;
  readSecs: number;
  dedup: PhaseResult & { groups: number; grouped: number; samStoryPairPrecision: number };
  story: PhaseResult & { clusters: number; p: number; r: number; f1: number };
  rssPeakMb: number;
  baseline?: {
    dedup: PhaseResult & { pairRecallOfLsh: number; groupsAllPairs: number };
    story: PhaseResult & { f1: number; agreement: number };
  };
}

function measure<T>(mem: MemoryWatch, fn: () => T): [T, PhaseResult] {
  mem.heapPeak = 0;
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const secs = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(u0);
  mem.sample();
  return [value, { secs, cpuSecs: (u.user + u.system) / 1e6, heapPeakMb: mem.heapPeakMb }];
}

function dedupRecords(records: ClusterRecord[], mem: MemoryWatch): DedupIndex {
  // The headline stream has no body, so dedup reads the headline; the store keeps no signatures here.
  const index = new DedupIndex({ keepSignatures: false });
  let n = 0;
  for (const r of records) {
    index.add({ id: r.id, text: r.text || r.title, date: r.published, outlet: r.source });
    if (++n % 5000 === 0) mem.sample();
  }
  return index;
}

function storyRecords(records: ClusterRecord[], mem: MemoryWatch, exhaustive = false): Map<string, string> {
  const index = new StoryIndex({ exhaustive });
  let n = 0;
  for (const r of records) {
    index.add(storyItemFromRecord(r));
    if (++n % 5000 === 0) mem.sample();
  }
  index.flush();
  return index.assignments();
}

// All-pairs dedup: every pair checked exactly with the same acceptance rule as DedupIndex.
function allPairsDedup(records: ClusterRecord[]): { pairs: Set<string>; groups: number } {
  const entries: DedupEntry[] = records.map((r) => dedupEntry({ id: r.id, text: r.text || r.title }));
  const uf = new UnionFind(entries.length);
  for (let i = 0; i < entries.length; i++) uf.add();
  const pairs = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i];
    if (a.shingles.length === 0) continue;
    for (let j = i + 1; j < entries.length; j++) {
      const b = entries[j];
      if (b.shingles.length === 0) continue;
      let dup = a.exact === b.exact;
      if (!dup) {
        const s = setSimilarity(a.shingles, b.shingles);
        dup =
          s.jaccard >= NEAR_JACCARD ||
          (Math.min(a.shingles.length, b.shingles.length) >= CONTAINMENT_MIN_SHINGLES &&
            s.containment >= NEAR_CONTAINMENT);
      }
      if (dup) {
        uf.union(i, j);
        pairs.add(`${i}:${j}`);
      }
    }
  }
  const roots = new Map<number, number>();
  for (let i = 0; i < entries.length; i++) roots.set(uf.find(i), (roots.get(uf.find(i)) ?? 0) + 1);
  return { pairs, groups: [...roots.values()].filter((k) => k > 1).length };
}

/** Pairs inside each duplicate group, as index pairs "i:j" (i < j) over `records`. */
function groupPairs(
  index: DedupIndex,
  records: ClusterRecord[],
): { pairs: Set<string>; groups: number; grouped: number } {
  const byRoot = new Map<number, number[]>();
  records.forEach((r, i) => {
    const root = index.groupIndex(r.id)!;
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  });
  const pairs = new Set<string>();
  let groups = 0;
  let grouped = 0;
  for (const members of byRoot.values()) {
    if (members.length < 2) continue;
    groups++;
    grouped += members.length;
    if (members.length > 2000) continue; // pair listing only; such groups are generic titles
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) pairs.add(`${members[x]}:${members[y]}`);
  }
  return { pairs, groups, grouped };
}

async function child(data: string, n: number, baseline: boolean): Promise<void> {
  const t0 = performance.now();
  const records = timeOrder(await readRecords(data, n));
  const readSecs = (performance.now() - t0) / 1000;
  const gold = new Map(records.map((r) => [r.id, r.cluster ?? r.id]));
  const mem = new MemoryWatch();

  const [dedup, dedupPhase] = measure(mem, () => dedupRecords(records, mem));
  const gp = groupPairs(dedup, records);
  let same = 0;
  let total = 0;
  for (const p of gp.pairs) {
    const [i, j] = p.split(":").map(Number);
    total++;
    if (records[i].cluster === records[j].cluster) same++;
  }
  const [pred, storyPhase] = measure(mem, () => storyRecords(records, mem));
  const s = bcubed(gold, pred);
  const result: SizeResult = {
    n: records.length,
    readSecs,
    dedup: { ...dedupPhase, groups: gp.groups, grouped: gp.grouped, samStoryPairPrecision: total ? same / total : 1 },
    story: { ...storyPhase, clusters: s.predictedClusters, p: s.precision, r: s.recall, f1: s.f1 },
    rssPeakMb: mem.rssPeakMb,
  };
  if (baseline) {
    const [all, allPhase] = measure(mem, () => allPairsDedup(records));
    let found = 0;
    for (const p of all.pairs) if (gp.pairs.has(p)) found++;
    const [bpred, bPhase] = measure(mem, () => storyRecords(records, mem, true));
    const bs = bcubed(gold, bpred);
    // Story ids are numbered in creation order, so compare the partitions, not the labels.
    const agreement = bcubed(bpred, pred).f1;
    result.baseline = {
      dedup: { ...allPhase, pairRecallOfLsh: all.pairs.size ? found / all.pairs.size : 1, groupsAllPairs: all.groups },
      story: { ...bPhase, f1: bs.f1, agreement },
    };
  }
  console.log(JSON.stringify(result));
}

// ---- near-duplicate detector against seeded perturbations of real article texts ----

const BOILERPLATE = [
  "Subscribe to our newsletter to get the latest news in your inbox.",
  "Share this article on Facebook, Twitter and by email.",
  "Copyright 2014 The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Related Articles",
  "Click here to read more stories like this.",
  "Advertisement",
  "Be the first to comment.",
];
const EDIT_WORDS = ["reportedly", "officials", "on Tuesday", "the company", "late", "new", "local", "also"];

const splitSentences = (text: string) =>
  text
    .split(/(?<=[.!?]["”’]?)\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The perturbations (each copy seeded by article number and kind):
 * - drop: 20% of the sentences removed (at least one sentence kept);
 * - reorder: three random pairs of sentences swapped, plus the last quarter moved to the front;
 * - edit: in a third of the sentences one word replaced, one inserted or one deleted;
 * - boilerplate: 2 boilerplate lines added at the top and 2 at the bottom;
 * - trim: only the first 60% of the sentences (a trimmed wire copy);
 * - mixed: 10% dropped, 15% of sentences edited, boilerplate swapped in.
 */
export function perturb(text: string, kind: string, seed: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  let sents = splitSentences(text);
  const drop = (frac: number) => {
    const k = Math.min(sents.length - 1, Math.round(sents.length * frac));
    for (let i = 0; i < k; i++) sents.splice(Math.floor(rnd() * sents.length), 1);
  };
  const edit = (frac: number) => {
    sents = sents.map((s) => {
      if (rnd() >= frac) return s;
      const words = s.split(" ");
      const at = Math.floor(rnd() * words.length);
      const op = rnd();
      if (op < 0.34) words[at] = pick(EDIT_WORDS);
      else if (op < 0.67) words.splice(at, 0, pick(EDIT_WORDS));
      else if (words.length > 3) words.splice(at, 1);
      return words.join(" ");
    });
  };
  const boiler = () => {
    sents = [pick(BOILERPLATE), pick(BOILERPLATE), ...sents, pick(BOILERPLATE), pick(BOILERPLATE)];
  };
  switch (kind) {
    case "drop":
      drop(0.2);
      break;
    case "reorder": {
      for (let k = 0; k < 3 && sents.length > 1; k++) {
        const i = Math.floor(rnd() * sents.length);
        const j = Math.floor(rnd() * sents.length);
        [sents[i], sents[j]] = [sents[j], sents[i]];
      }
      const cut = Math.floor(sents.length * 0.75);
      sents = [...sents.slice(cut), ...sents.slice(0, cut)];
      break;
    }
    case "edit":
      edit(0.33);
      break;
    case "boilerplate":
      boiler();
      break;
    case "trim":
      sents = sents.slice(0, Math.max(1, Math.ceil(sents.length * 0.6)));
      break;
    case "mixed":
      drop(0.1);
      edit(0.15);
      boiler();
      break;
  }
  return sents.join(" ");
}

export const PERTURBATIONS = ["drop", "reorder", "edit", "boilerplate", "trim", "mixed"];

async function perturbationBench(devFiles: string[]): Promise<void> {
  const originals: { id: string; text: string }[] = [];
  for (const f of devFiles)
    for (const r of await readRecords(f))
      originals.push({
        id: r.id,
        text: r.title && !r.text.startsWith(r.title) ? `${r.title}\n${r.text}` : r.text || r.title,
      });
  const items: { id: string; text: string; origin: number; kind: string }[] = [];
  originals.forEach((o, i) => items.push({ ...o, origin: i, kind: "original" }));
  originals.forEach((o, i) =>
    PERTURBATIONS.forEach((kind, k) =>
      items.push({ id: `${o.id}~${kind}`, text: perturb(o.text, kind, i * 977 + k * 131 + 7), origin: i, kind }),
    ),
  );

  // ECB+ dev originals include copies of one wire story (teasers, re-edits; 9 pairs share >= 85% of
  // their shingles). Whether such a pair "is" a duplicate is the question being measured, so pairs
  // across two originals that share >= 50% of the smaller one's shingles are left out of the score.
  const family = new UnionFind(originals.length);
  for (let i = 0; i < originals.length; i++) family.add();
  const entries = originals.map((o) => dedupEntry({ id: o.id, text: o.text }));
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++)
      if (setSimilarity(entries[i].shingles, entries[j].shingles).containment >= 0.5) family.union(i, j);
  const families = new Set(originals.map((_, i) => family.find(i)));

  const index = new DedupIndex();
  const t0 = performance.now();
  for (const it of items) index.add({ id: it.id, text: it.text });
  const secs = (performance.now() - t0) / 1000;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let excluded = 0;
  const perKind = new Map<string, { found: number; total: number }>();
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const same = items[a].origin === items[b].origin;
      const pred = index.groupIndex(items[a].id) === index.groupIndex(items[b].id);
      if (!same && family.find(items[a].origin) === family.find(items[b].origin)) excluded++;
      else if (pred && same) tp++;
      else if (pred) fp++;
      else if (same) fn++;
      if (same && items[a].kind === "original" && items[b].origin === items[a].origin) {
        const k = perKind.get(items[b].kind) ?? { found: 0, total: 0 };
        k.total++;
        if (pred) k.found++;
        perKind.set(items[b].kind, k);
      }
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(
    `\nnear-duplicate detector on perturbed copies of ${originals.length} dev texts (${devFiles.join(", ")}), ${items.length} texts, ${secs.toFixed(2)}s`,
  );
  console.log(
    `  per kind, copy found with its original: ${[...perKind].map(([k, v]) => `${k} ${v.found}/${v.total}`).join(", ")}`,
  );
  console.log(
    `  ${originals.length - families.size} originals overlap another by >= 50% (wire copies); ${excluded} pairs across such originals are not scored`,
  );
  console.log(
    `  pairwise, an original and its 6 copies as one group: precision=${p.toFixed(4)} recall=${r.toFixed(4)} (tp=${tp} fp=${fp} fn=${fn})`,
  );
}

/** `npm run bench -- scale [--data scale.jsonl.gz] [--dev clustering/dev.jsonl ...] [--sizes 10000,50000,100000,all]`. */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string", default: DEFAULT_DATA },
      dev: { type: "string", multiple: true },
      sizes: { type: "string", default: "10000,50000,100000,all" },
      child: { type: "string" },
      baseline: { type: "boolean", default: false },
      "skip-perturb": { type: "boolean", default: false },
    },
  });
  if (values.child)
    return child(values.data!, values.child === "all" ? Infinity : Number(values.child), values.baseline!);

  const sizes = values.sizes!.split(",");
  const bad = sizes.find((s) => s !== "all" && !(Number(s) > 0));
  if (bad) {
    console.error(`bench scale: --sizes takes positive numbers or "all", got "${bad}"`);
    process.exitCode = 2;
    return;
  }
  console.log(`data=${values.data}; each size runs in a fresh process (peak RSS is that process's high-water mark)`);
  console.log(
    "size     | dedup s (cpu)  items/s  heap MB groups same-story | story s (cpu)  items/s  heap MB clusters  B3 P   B3 R   B3 F1 | total s  peak RSS MB",
  );
  const results: SizeResult[] = [];
  for (const [k, size] of sizes.entries()) {
    // Each size runs in its own process so its peak memory is its own, not the previous size's.
    const proc = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1],
        "scale",
        "--data",
        values.data!,
        "--child",
        size,
        ...(k === 0 ? ["--baseline"] : []),
      ],
      {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      },
    );
    const line = proc.stdout.trim().split("\n").pop() ?? "";
    if (proc.status !== 0 || !line.startsWith("{")) {
      console.error(`bench scale: size ${size} failed:\n${proc.stderr}`);
      process.exitCode = 1;
      return;
    }
    const r = JSON.parse(line) as SizeResult;
    results.push(r);
    const d = r.dedup;
    const s = r.story;
    console.log(
      `${String(r.n).padEnd(8)} | ${d.secs.toFixed(2).padStart(6)} (${d.cpuSecs.toFixed(2)}) ${String(Math.round(r.n / d.cpuSecs)).padStart(8)} ${d.heapPeakMb.toFixed(0).padStart(7)} ${String(d.groups).padStart(6)} ${d.samStoryPairPrecision.toFixed(3).padStart(10)} |` +
        ` ${s.secs.toFixed(2).padStart(6)} (${s.cpuSecs.toFixed(2)}) ${String(Math.round(r.n / s.cpuSecs)).padStart(8)} ${s.heapPeakMb.toFixed(0).padStart(7)} ${String(s.clusters).padStart(8)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)} |` +
        ` ${(d.secs + s.secs).toFixed(2).padStart(7)}  ${r.rssPeakMb.toFixed(0).padStart(10)}`,
    );
    if (r.baseline) {
      const b = r.baseline;
      console.log(
        `  all-pairs baseline at ${r.n}: dedup ${b.dedup.secs.toFixed(2)}s (LSH is ${(b.dedup.cpuSecs / d.cpuSecs).toFixed(1)}x faster in CPU time, finds ${(100 * b.dedup.pairRecallOfLsh).toFixed(2)}% of the all-pairs duplicate pairs);` +
          ` story clustering against every open story ${b.story.secs.toFixed(2)}s (inverted index ${(b.story.cpuSecs / s.cpuSecs).toFixed(1)}x faster, partitions agree at B-cubed F1 ${b.story.agreement.toFixed(4)}; baseline F1 against gold ${b.story.f1.toFixed(3)})`,
      );
    }
  }
  if (results.length >= 2) {
    // Least-squares slope of log(time) on log(n): 1 is linear growth, 2 quadratic.
    const slope = (pts: [number, number][]) => {
      const xs = pts.map((p) => Math.log(p[0]));
      const ys = pts.map((p) => Math.log(p[1]));
      const mx = xs.reduce((a, b) => a + b) / xs.length;
      const my = ys.reduce((a, b) => a + b) / ys.length;
      let num = 0;
      let den = 0;
      xs.forEach((x, i) => {
        num += (x - mx) * (ys[i] - my);
        den += (x - mx) ** 2;
      });
      return num / den;
    };
    console.log(
      `growth exponent (CPU time ~ n^k, least squares over the sizes): dedup k=${slope(results.map((r) => [r.n, r.dedup.cpuSecs])).toFixed(2)},` +
        ` story k=${slope(results.map((r) => [r.n, r.story.cpuSecs])).toFixed(2)}, both k=${slope(results.map((r) => [r.n, r.dedup.cpuSecs + r.story.cpuSecs])).toFixed(2)}`,
    );
  }
  if (!values["skip-perturb"]) await perturbationBench(values.dev?.length ? values.dev : [DEFAULT_DEV]);
}
