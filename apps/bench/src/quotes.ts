// `npm run bench -- quotes --data <file.jsonl> [--out pred.jsonl] [--type direct|partial]`
// Runs quote extraction + attribution over a PolNeAR-style JSONL file and scores it exactly like
// /work/shared/bench/scorers/score_quotes.py (one-to-one token-overlap matching, last-name speakers).
import { readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_RECOGNIZER, RECOGNIZERS, extractEntities, extractQuotes, type RecognizerName } from "@newsfuse/core";

export interface GoldQuote {
  quote: string;
  speaker: string | null;
  start?: number | null;
  end?: number | null;
  type?: string;
  speaker_resolution?: string;
}
export interface QuoteDoc {
  id: string;
  text?: string;
  quotes: GoldQuote[];
}

const FOLD: Record<string, string> = {
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u00ab": '"',
  "\u00bb": '"',
};
const fold = (s: string): string => s.replace(/[\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb]/g, (c) => FOLD[c]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/** Python's `re.findall(r'\w+', ...)` on the folded, lower-cased text (Unicode word characters). */
export function tokens(s: string | null | undefined): string[] {
  return (
    fold(s ?? "")
      .toLowerCase()
      .match(/[\p{L}\p{N}_\p{Mn}\p{Mc}]+/gu) ?? []
  );
}

/** The scorer's speaker key: last name token, possessive and suffixes dropped. */
export function nameKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  let s = fold(name).toLowerCase().trim();
  s = s.replace(/'s\b/g, "");
  let toks = s.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, ""));
  toks = toks.filter(Boolean);
  while (toks.length > 1 && SUFFIXES.has(toks[toks.length - 1].replace(/\.+$/, ""))) toks.pop();
  return toks.length ? toks[toks.length - 1] : null;
}

function overlap(g: string[], p: string[]): number {
  if (!g.length || !p.length) return 0;
  const c = new Map<string, number>();
  for (const t of g) c.set(t, (c.get(t) ?? 0) + 1);
  let inter = 0;
  for (const t of p) {
    const n = c.get(t) ?? 0;
    if (n > 0) {
      inter++;
      c.set(t, n - 1);
    }
  }
  return inter / Math.max(g.length, p.length);
}

/** One-to-one greedy matching by highest overlap (ties: closest start), as the Python scorer does. */
export function matchQuotes(gold: GoldQuote[], pred: GoldQuote[]): [number, number, number][] {
  const gt = gold.map((q) => tokens(q.quote));
  const pt = pred.map((q) => tokens(q.quote));
  const cands: [number, number, number, number, number][] = [];
  for (let i = 0; i < gt.length; i++)
    for (let j = 0; j < pt.length; j++) {
      const o = overlap(gt[i], pt[j]);
      if (o >= 0.5) {
        const gs = gold[i].start;
        const ps = pred[j].start;
        const dist = Number.isInteger(gs) && Number.isInteger(ps) ? Math.abs((gs as number) - (ps as number)) : 0;
        cands.push([-o, dist, i, j, o]);
      }
    }
  cands.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const ug = new Set<number>();
  const up = new Set<number>();
  const res: [number, number, number][] = [];
  for (const [, , i, j, o] of cands) {
    if (ug.has(i) || up.has(j)) continue;
    ug.add(i);
    up.add(j);
    res.push([i, j, o]);
  }
  return res;
}

export interface QuoteScore {
  articles: number;
  gold: number;
  pred: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  speakerOk: number;
  speakerTotal: number;
  speakerAcc: number;
  byType: Record<string, [number, number]>;
  byResolution: Record<string, [number, number]>;
  /** Predicted ids that are not in the gold file (ignored, as the Python scorer does). */
  extraIds: number;
  e2e: { precision: number; recall: number; f1: number };
}

/** Scores predictions against gold exactly as score_quotes.py (including `--type`). */
export function scoreQuotes(goldDocs: QuoteDoc[], predDocs: QuoteDoc[], qtype?: string): QuoteScore {
  const predBy = new Map(predDocs.map((d) => [String(d.id), d.quotes ?? []]));
  const goldIds = new Set(goldDocs.map((d) => String(d.id)));
  const extraIds = [...predBy.keys()].filter((id) => !goldIds.has(id)).length;
  let tp = 0;
  let nGold = 0;
  let nPred = 0;
  let spkTotal = 0;
  let spkOk = 0;
  let e2eOk = 0;
  const byType: Record<string, [number, number]> = {};
  const byRes: Record<string, [number, number]> = {};
  for (const doc of goldDocs) {
    let gold = doc.quotes ?? [];
    let pred = predBy.get(String(doc.id)) ?? [];
    if (qtype) {
      const other = gold.filter((q) => q.type !== qtype);
      gold = gold.filter((q) => q.type === qtype);
      const mAll = matchQuotes([...gold, ...other], pred);
      const ignored = new Set(mAll.filter(([i]) => i >= gold.length).map(([, j]) => j));
      pred = pred.filter((_, j) => !ignored.has(j));
    }
    const m = matchQuotes(gold, pred);
    nGold += gold.length;
    nPred += pred.length;
    tp += m.length;
    const hit = new Set(m.map(([i]) => i));
    gold.forEach((q, i) => {
      const t = q.type ?? "?";
      byType[t] ??= [0, 0];
      byType[t][1]++;
      if (hit.has(i)) byType[t][0]++;
    });
    for (const [i, j] of m) {
      const gk = nameKey(gold[i].speaker);
      if (gk === null) {
        e2eOk++;
        continue;
      }
      spkTotal++;
      const res = gold[i].speaker_resolution ?? "?";
      byRes[res] ??= [0, 0];
      byRes[res][1]++;
      if (nameKey(pred[j].speaker) === gk) {
        spkOk++;
        byRes[res][0]++;
        e2eOk++;
      }
    }
  }
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const ep = nPred ? e2eOk / nPred : 0;
  const er = nGold ? e2eOk / nGold : 0;
  return {
    articles: goldDocs.length,
    gold: nGold,
    pred: nPred,
    matched: tp,
    precision: p,
    recall: r,
    f1: f,
    speakerOk: spkOk,
    speakerTotal: spkTotal,
    speakerAcc: spkTotal ? spkOk / spkTotal : 0,
    byType,
    byResolution: byRes,
    extraIds,
    e2e: { precision: ep, recall: er, f1: ep + er ? (2 * ep * er) / (ep + er) : 0 },
  };
}

/** The report lines score_quotes.py prints, in the same format. */
export function formatScore(s: QuoteScore, qtype?: string): string {
  const f3 = (x: number) => x.toFixed(3);
  const lines = s.extraIds ? [`warning: ${s.extraIds} predicted ids not in gold (ignored)`] : [];
  lines.push(`articles=${s.articles} gold_quotes=${s.gold} pred_quotes=${s.pred} matched=${s.matched}`);
  if (qtype) lines.push(`evaluating gold quotes of type=${qtype} only`);
  lines.push(`quote precision=${f3(s.precision)} recall=${f3(s.recall)} f1=${f3(s.f1)}`);
  for (const t of Object.keys(s.byType).sort()) {
    const [h, n] = s.byType[t];
    lines.push(`  recall[type=${t}]=${f3(h / n)} (${h}/${n})`);
  }
  lines.push(
    `speaker accuracy on matched quotes with gold speaker: ${f3(s.speakerAcc)} (${s.speakerOk}/${s.speakerTotal})`,
  );
  for (const r of Object.keys(s.byResolution).sort()) {
    const [h, n] = s.byResolution[r];
    lines.push(`  speaker_acc[gold speaker_resolution=${r}]=${f3(h / n)} (${h}/${n})`);
  }
  lines.push(
    `end-to-end (quote matched and speaker correct or gold speaker null): precision=${f3(s.e2e.precision)} recall=${f3(s.e2e.recall)} f1=${f3(s.e2e.f1)}`,
  );
  lines.push(`quote_f1=${f3(s.f1)} speaker_acc=${f3(s.speakerAcc)}`);
  return lines.join("\n");
}

/** Reads a JSONL file of articles; a bad line is reported with its file and line number. */
export function readJsonl(path: string): { ok: true; docs: QuoteDoc[] } | { ok: false; message: string } {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, message: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const docs: QuoteDoc[] = [];
  const lines = raw.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      return { ok: false, message: `${path}:${n + 1}: bad JSON (${(e as Error).message})` };
    }
    const o = obj as Partial<QuoteDoc>;
    if (!o || typeof o !== "object" || o.id === undefined)
      return { ok: false, message: `${path}:${n + 1}: missing "id"` };
    docs.push({
      id: String(o.id),
      text: typeof o.text === "string" ? o.text : undefined,
      quotes: Array.isArray(o.quotes) ? o.quotes : [],
    });
  }
  return { ok: true, docs };
}

/** Predicts quotes for one benchmark text (headline, blank line, paragraphs); offsets are into `text`. */
export function predictQuotes(text: string, recognizer: RecognizerName = DEFAULT_RECOGNIZER): GoldQuote[] {
  const entities = extractEntities(text, { recognize: RECOGNIZERS[recognizer] });
  return extractQuotes(text, entities).map((q) => ({ quote: q.text, speaker: q.speaker, start: q.start, end: q.end }));
}

function usage(msg: string): void {
  console.error(
    `bench quotes: ${msg}\nusage: npm run bench -- quotes --data <file.jsonl> [--out pred.jsonl] [--type direct|partial] [--recognizer model|rules|hybrid]`,
  );
  process.exitCode = 2;
}

export async function run(argv: string[]): Promise<void> {
  let data: string | undefined;
  let out: string | undefined;
  let qtype: string | undefined;
  let recognizer: string = DEFAULT_RECOGNIZER;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") data = argv[++i];
    else if (a === "--out") out = argv[++i];
    else if (a === "--type") qtype = argv[++i];
    else if (a === "--recognizer") recognizer = argv[++i];
    else return usage(`unknown argument "${a}"`);
  }
  if (!data) return usage("--data is required");
  if (!(recognizer in RECOGNIZERS))
    return usage(`--recognizer must be one of ${Object.keys(RECOGNIZERS).join(", ")}, got "${recognizer}"`);
  if (qtype !== undefined && qtype !== "direct" && qtype !== "partial")
    return usage(`--type must be direct or partial, got "${qtype}"`);
  const read = readJsonl(data);
  if (!read.ok) {
    console.error(`bench quotes: ${read.message}`);
    process.exitCode = 1;
    return;
  }
  const missing = read.docs.find((d) => typeof d.text !== "string");
  if (missing) {
    console.error(`bench quotes: ${data}: article "${missing.id}" has no "text" to extract quotes from`);
    process.exitCode = 1;
    return;
  }
  const t0 = performance.now();
  const preds: QuoteDoc[] = read.docs.map((d) => ({
    id: d.id,
    quotes: predictQuotes(d.text as string, recognizer as RecognizerName),
  }));
  const ms = performance.now() - t0;
  if (out) writeFileSync(out, `${preds.map((p) => JSON.stringify(p)).join("\n")}\n`);
  console.log(
    `extracted ${read.docs.length} articles in ${ms.toFixed(0)} ms (${((read.docs.length / ms) * 1000).toFixed(0)} articles/s)`,
  );
  console.log(formatScore(scoreQuotes(read.docs, preds, qtype), qtype));
}
