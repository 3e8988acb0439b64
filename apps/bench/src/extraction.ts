import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@newsfuse/core";
import { decodeBytes, nativeGunzip, parseBytes, readabilityText } from "@newsfuse/formats/node";

/**
 * `npm run bench -- extraction --data <dir> [--out pred.json] [--analyze]`
 *
 * Scores article-body extraction on a folder laid out like ../shared/bench/extraction/dev
 * (`ground-truth.json` + `html/<id>.html.gz`) with the metric of that README: 4-token shingles of
 * `\w+` tokens, per-item precision/recall averaged over items, F1 of the averages, exact-token accuracy.
 * `--analyze` scores `analyze(input).body` (the core's cleaning on top) instead of the reader's text.
 * `--extractor readability` / `readability-raw` swaps in Mozilla Readability over linkedom (with or
 * without our block cleaning), the alternative the reader was measured against.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(toks: string[]): Map<string, number> {
  const m = new Map<string, number>();
  if (toks.length === 0) return m;
  if (toks.length <= SHINGLE) {
    m.set(toks.join("\u0001"), 1);
    return m;
  }
  for (let i = 0; i + SHINGLE <= toks.length; i++) {
    const k = toks.slice(i, i + SHINGLE).join("\u0001");
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export interface ItemScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function compare(truth: string, pred: string): ItemScore {
  const tt = tokens(truth);
  const pt = tokens(pred);
  const T = shingles(tt);
  const P = shingles(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, v] of P) {
    const t = T.get(k) ?? 0;
    tp += Math.min(v, t);
    fp += Math.max(0, v - t);
  }
  for (const [k, v] of T) fn += Math.max(0, v - (P.get(k) ?? 0));
  return { tp, fp, fn, exact: tt.length === pt.length && tt.every((t, i) => t === pt[i]) };
}

export function aggregate(rows: ItemScore[]): { precision: number; recall: number; f1: number; accuracy: number } {
  const precs = rows.filter((r) => r.tp + r.fp > 0).map((r) => r.tp / (r.tp + r.fp));
  const recs = rows.filter((r) => r.tp + r.fn > 0).map((r) => r.tp / (r.tp + r.fn));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precs);
  const recall = mean(recs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = rows.length ? rows.filter((r) => r.exact).length / rows.length : 0;
  return { precision, recall, f1, accuracy };
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function run(argv: string[]): Promise<void> {
  const data = flag(argv, "--data");
  const outPath = flag(argv, "--out");
  const useAnalyze = argv.includes("--analyze");
  const extractor = flag(argv, "--extractor") ?? "ours";
  if (!["ours", "readability", "readability-raw"].includes(extractor)) {
    console.error(`bench extraction: --extractor must be ours, readability or readability-raw, not ${extractor}`);
    process.exitCode = 2;
    return;
  }
  // The alternative extractors see the same decoded page; metadata still comes from our reader.
  const extract = (body: Uint8Array, name: string) => {
    const results = parseBytes(body, { name, gunzip: nativeGunzip });
    if (extractor === "ours") return results;
    const html = decodeBytes(nativeGunzip(body)).text;
    const text = readabilityText(html, { raw: extractor === "readability-raw" });
    return results.map((r) => (r.ok ? { ...r, value: { ...r.value, input: { ...r.value.input, text } } } : r));
  };
  if (!data) {
    console.error(
      "usage: npm run bench -- extraction --data <dir with ground-truth.json and html/> [--out pred.json] [--analyze]",
    );
    process.exitCode = 2;
    return;
  }
  let truth: Record<string, { articleBody: string }>;
  try {
    truth = JSON.parse(readFileSync(join(data, "ground-truth.json"), "utf8"));
  } catch (e) {
    console.error(`bench extraction: cannot read ${join(data, "ground-truth.json")}: ${(e as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const htmlDir = join(data, "html");
  const files = new Map(readdirSync(htmlDir).map((f) => [f.replace(/\.html?(\.gz)?$/i, ""), f]));
  const ids = Object.keys(truth).sort();
  // Read every file first so the timing covers decompression, decoding, parsing and extraction only.
  const bodies = ids.map((id) => (files.has(id) ? new Uint8Array(readFileSync(join(htmlDir, files.get(id)!))) : null));
  const pred: Record<
    string,
    { articleBody: string; title: string | null; published: string | null; authors: string[] }
  > = {};
  const rows: ItemScore[] = [];
  let errors = 0;
  let bytes = 0;
  const t0 = performance.now();
  ids.forEach((id, i) => {
    const body = bodies[i];
    let entry = {
      articleBody: "",
      title: null as string | null,
      published: null as string | null,
      authors: [] as string[],
    };
    if (body) {
      const [r] = extract(body, files.get(id)!);
      if (r?.ok) {
        const input = r.value.input;
        const text = useAnalyze ? analyze(input).body : input.text;
        bytes += body.length;
        entry = {
          articleBody: text,
          title: input.title ?? null,
          published: input.published ?? null,
          authors: input.authors ?? [],
        };
      } else {
        errors++;
        console.error(`  ${id}: ${r?.error.message ?? "no result"}`);
      }
    } else {
      errors++;
      console.error(`  ${id}: no html/${id}.html.gz`);
    }
    pred[id] = entry;
    rows.push(compare(truth[id].articleBody, entry.articleBody));
  });
  const coldSeconds = (performance.now() - t0) / 1000;
  // Throughput is measured on warm passes (the first pays for JIT compilation). On a shared machine
  // wall time mostly measures the other jobs, so two one-core figures are printed: CPU time of this
  // process over a warm pass, and the sum over pages of each page's fastest wall time in 3 passes.
  const PASSES = 3;
  const best = new Array<number>(ids.length).fill(Infinity);
  let cpu = Infinity;
  let n = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const cpu0 = process.cpuUsage();
    n = 0;
    for (const [i, body] of bodies.entries()) {
      if (!body) continue;
      const t = performance.now();
      extract(body, files.get(ids[i])!);
      best[i] = Math.min(best[i], performance.now() - t);
      n++;
    }
    const used = process.cpuUsage(cpu0);
    cpu = Math.min(cpu, (used.user + used.system) / 1e6);
  }
  const bestWall = best.filter(Number.isFinite).reduce((a, b) => a + b, 0) / 1000;
  const m = aggregate(rows);
  const f = (x: number) => x.toFixed(4);
  console.log(
    `extraction on ${data} (${ids.length} pages, extractor ${extractor}${useAnalyze ? ", body after analyze()" : ""}${errors ? `, ${errors} errors` : ""})`,
  );
  console.log(`precision=${f(m.precision)} recall=${f(m.recall)} f1=${f(m.f1)} accuracy=${f(m.accuracy)}`);
  const mb = bytes / 1e6;
  console.log(
    `pages/s=${(n / cpu).toFixed(1)} (one thread, warm, CPU time: ${((cpu * 1000) / n).toFixed(1)} ms/page, ${(mb / cpu).toFixed(1)} MB gz/s; ` +
      `fastest-of-${PASSES} wall ${(n / bestWall).toFixed(1)} pages/s; cold first pass ${(ids.length / coldSeconds).toFixed(1)} pages/s wall${useAnalyze ? " incl. analyze" : ""})`,
  );
  if (outPath) {
    writeFileSync(outPath, JSON.stringify(pred, null, 2));
    console.log(`wrote ${outPath}`);
  }
}
