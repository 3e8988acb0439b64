// Developer loop for the extractor: scores every dev page and prints the worst ones with their extra/missing text.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseHtml } from "../src/html/dom.ts";
import { extractMainText } from "../src/html/extract.ts";
const dir = process.argv[2] ?? "/work/shared/bench/extraction/dev";
const show = process.argv[3];
const gt = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<
  string,
  { articleBody: string; url: string }
>;
const tok = (s: string) => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
function sh(t: string[]) {
  const m = new Map<string, number>();
  if (!t.length) return m;
  if (t.length <= 4) {
    m.set(t.join(" "), 1);
    return m;
  }
  for (let i = 0; i + 4 <= t.length; i++) {
    const k = t.slice(i, i + 4).join(" ");
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
const P: number[] = [],
  R: number[] = [];
let acc = 0,
  ms = 0;
const rows: string[] = [];
for (const id of Object.keys(gt).sort()) {
  const html = gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)).toString("utf8");
  const t0 = performance.now();
  const pred = extractMainText(parseHtml(html).root).text;
  ms += performance.now() - t0;
  const T = sh(tok(gt[id].articleBody)),
    Pm = sh(tok(pred));
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [k, v] of Pm) {
    const t = T.get(k) ?? 0;
    tp += Math.min(v, t);
    fp += Math.max(0, v - t);
  }
  for (const [k, v] of T) fn += Math.max(0, v - (Pm.get(k) ?? 0));
  const p = tp + fp > 0 ? tp / (tp + fp) : NaN,
    r = tp / (tp + fn);
  if (tp + fp > 0) P.push(p);
  R.push(r);
  if (tok(pred).join(" ") === tok(gt[id].articleBody).join(" ")) acc++;
  rows.push(`${id.slice(0, 8)} p=${p.toFixed(3)} r=${r.toFixed(3)} ${gt[id].url.slice(8, 70)}`);
  if (show && id.startsWith(show)) {
    const tt = gt[id].articleBody;
    console.log("=== PRED paragraphs not in truth:");
    for (const para of pred.split("\n\n"))
      if (!tt.includes(para.slice(0, 40))) console.log(`  + ${para.slice(0, 200)}`);
    console.log("=== TRUTH paragraphs not in pred:");
    for (const para of tt.split("\n\n"))
      if (!pred.includes(para.slice(0, 40))) console.log(`  - ${para.slice(0, 200)}`);
  }
}
const p = P.reduce((a, b) => a + b) / P.length,
  r = R.reduce((a, b) => a + b) / R.length;
if (!show) console.log(rows.join("\n"));
console.log(
  `P=${p.toFixed(4)} R=${r.toFixed(4)} F1=${((2 * p * r) / (p + r)).toFixed(4)} acc=${(acc / 60).toFixed(3)} ms/page=${(ms / 60).toFixed(1)}`,
);
