import type { Article, NumberClaim } from "../schema/article.ts";
import type { Discrepancy, NumericClaimGroup } from "../schema/story.ts";
import { resolveClaimTime } from "../extract/numbers.ts";
import { fold } from "./names.ts";

interface Item {
  article: Article;
  claim: NumberClaim;
  head: string;
  /** Five-letter stems of the subject's capitalised qualifiers ("russi" for "Russian troops"). */
  qualifiers: string[];
  key: string | null;
}

const GENERIC_HEADS = new Set([
  "",
  "percent",
  "people",
  "times",
  "year",
  "years",
  "day",
  "days",
  "p",
  "a",
  "am",
  "pm",
  "just",
  "past",
]);
/**
 * Measures rather than subjects: "10 feet", "23 games", "15 points" in two articles are rarely the
 * same quantity, so they form a discrepancy only when a qualifier names what they measure. Seen as
 * noise when fusing the ECB+ dev articles (clustering/dev.jsonl).
 */
/**
 * Two figures for one subject are the same quantity reported differently when within this ratio.
 * Seeds: 90,000 vs 100,000 Russian troops (1.11) must be set side by side; ECB+ dev noise such as
 * 12 vs 23 Somali pirates (1.9) or 246 vs 420 passengers (1.7) are different facts.
 */
export const SAME_QUANTITY_RATIO = 1.5;

const MEASURES = new Set(
  (
    "foot feet yard meter metre mile kilometer kilometre km inch minute hour second week month game season point " +
    "goal time degree pound kilogram kg ton tonne mph percent dollar " +
    // Statistics of a game or a season: two reports rarely count the same player's same game.
    "carry pass rebound turnover homer run block punch assist steal tackle sack touchdown shot save hit strikeout " +
    "inning lap stroke birdie seed round reception catch attempt"
  ).split(" "),
);

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function stem(w: string): string {
  const l = w.toLowerCase();
  if (l.length > 4 && l.endsWith("ies")) return `${l.slice(0, -3)}y`;
  if (l.length > 4 && /(?:ss|x|ch|sh)es$/.test(l)) return l.slice(0, -2);
  if (l.length > 3 && l.endsWith("s") && !l.endsWith("ss")) return l.slice(0, -1);
  return l;
}

function parseSubject(subject: string): { head: string; qualifiers: string[] } {
  const words = fold(subject)
    .replace(/'s\b/g, "")
    .split(/[^A-Za-z-]+/)
    .filter(Boolean);
  // The head noun is the first lower-case word after the qualifiers ("Russian troops near the border" -> troops),
  // unless a unit of measure follows ("150 nautical miles east" measures miles).
  const headWord =
    words.find((w) => MEASURES.has(stem(w))) ??
    words.find((w) => /^[a-z]/.test(w) && w.length > 2) ??
    words[words.length - 1] ??
    "";
  const qualifiers = words
    .filter((w) => /^[A-Z]/.test(w) && w.length > 2 && words.indexOf(w) < words.indexOf(headWord))
    .map((w) => w.toLowerCase().slice(0, 5));
  return { head: stem(headWord), qualifiers };
}

/** Formats 100000 as "100,000" without locale tables (deterministic in every runtime). */
export function formatNumber(v: number): string {
  const [int, frac] = String(v).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}

/** The sentence around a claim, cut at sentence ends. */
function sentenceBefore(body: string, start: number): string {
  const from = Math.max(body.lastIndexOf(". ", start), body.lastIndexOf("\n", start)) + 1;
  return body.slice(from, start);
}

/**
 * Groups numeric claims by what they count ("Russian troops"), with each source's value and date,
 * and reports a discrepancy when sources give different figures for one subject. A claim whose
 * subject lacks a qualifier ("90,000 troops") takes the qualifier named last before it in its
 * sentence ("Russia has massed more than 90,000 troops"), else the best-attested qualified group;
 * figures for different qualifiers (Russian vs Ukrainian troops) are never merged.
 * @example
 * groupNumbers(articles, (id) => dates.get(id) ?? null).groups[0] // { subject: "Russian troops", claims: [...] }
 */
export function groupNumbers(
  articles: Article[],
  dateOf: (articleId: string) => string | null,
  story: string | null = null,
): { groups: NumericClaimGroup[]; discrepancies: Discrepancy[] } {
  const items: Item[] = [];
  for (const a of articles)
    for (const c of a.numbers) {
      if (!c.subject) continue;
      const { head, qualifiers } = parseSubject(c.subject);
      if (GENERIC_HEADS.has(head) && !c.unit) continue;
      const unit = c.unit ? stem(c.unit) : "";
      items.push({ article: a, claim: c, head: `${head}|${unit}`, qualifiers, key: null });
    }
  for (const it of items) if (it.qualifiers.length) it.key = `${it.head}|${[...it.qualifiers].sort().join("+")}`;
  // Unqualified subjects: context first, then the best-attested group with the same head noun.
  // Only items of one head can offer or share a key, so each looks among its own head's items (in
  // item order, keys assigned so far included, as the options' order decides ties).
  const byHead = new Map<string, Item[]>();
  for (const it of items) push(byHead, it.head, it);
  const qualifierRe = new Map<string, RegExp>();
  for (const it of items) {
    if (it.key) continue;
    const sameHead = byHead.get(it.head)!;
    const options = [...new Set(sameHead.filter((o) => o.key).map((o) => o.key!))];
    if (options.length === 0) {
      it.key = `${it.head}|`;
      continue;
    }
    const before = fold(sentenceBefore(it.article.body, it.claim.start));
    let best: string | null = null;
    let bestPos = -1;
    for (const k of options) {
      const quals = k.split("|")[2].split("+");
      for (const q of quals) {
        let re = qualifierRe.get(q);
        if (!re) qualifierRe.set(q, (re = new RegExp(`\\b${q}[a-z]*`, "gi")));
        const m = [...before.matchAll(re)].pop();
        if (m && (m.index ?? 0) > bestPos) [best, bestPos] = [k, m.index ?? 0];
      }
    }
    if (!best) {
      const support = new Map(
        options.map((k) => [k, new Set(sameHead.filter((o) => o.key === k).map((o) => o.article.id)).size]),
      );
      best = options.sort((a, b) => support.get(b)! - support.get(a)! || a.localeCompare(b))[0];
    }
    it.key = best;
  }
  const byKey = new Map<string, Item[]>();
  for (const it of items) push(byKey, it.key!, it);
  const groups: NumericClaimGroup[] = [];
  const discrepancies: Discrepancy[] = [];
  for (const [key, ms] of byKey) {
    // The subject as the qualified claims word it, most common form first.
    const forms = new Map<string, number>();
    for (const m of ms) if (m.qualifiers.length) forms.set(m.claim.subject!, (forms.get(m.claim.subject!) ?? 0) + 1);
    const subject = [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? ms[0].claim.subject!;
    groups.push({
      subject,
      claims: ms.map((m) => ({
        text: m.claim.text,
        value: m.claim.value,
        qualifier: m.claim.qualifier,
        unit: m.claim.unit ?? null,
        currency: m.claim.currency ?? null,
        claimant: m.claim.claimant ?? null,
        article: m.article.id,
        date: dateOf(m.article.id),
        time: {
          relation: m.claim.time?.relation ?? "current",
          text: m.claim.time?.text ?? null,
          date: timeOfClaim(m, dateOf),
        },
        start: m.claim.start,
        end: m.claim.end,
      })),
    });
    const [head, unit, quals] = key.split("|");
    const specific = quals !== "" || (!MEASURES.has(head) && !MEASURES.has(unit) && head.length > 3);
    if (!specific) continue;
    // Figures far apart count different things ("23 pirates captured" / "1,500 pirates in the gulf"):
    // only figures within SAME_QUANTITY_RATIO of their neighbours are set against each other. A figure
    // the text puts in an unstated past ("its previous 100,000 troops") is set against nothing.
    const sorted = ms.filter((m) => m.claim.time?.relation !== "past").sort((a, b) => a.claim.value - b.claim.value);
    const runs: Item[][] = [];
    for (const m of sorted) {
      const run = runs[runs.length - 1];
      if (run && m.claim.value <= run[run.length - 1].claim.value * SAME_QUANTITY_RATIO) run.push(m);
      else runs.push([m]);
    }
    const base = `${story ?? "batch"}-${key.replace(/[^a-z0-9+]+/gi, "-")}`;
    runs.forEach((run, r) => {
      const suffix = runs.length > 1 ? `-${r + 1}` : "";
      const timed = run.map((m) => ({ m, time: timeOfClaim(m, dateOf) }));
      const periods = timePeriods(timed.filter((t) => t.time).map((t) => ({ ...t, time: t.time! })));
      if (periods.length <= 1) {
        // One time (or none known): every figure is about the same moment.
        const d = disagreement(timed, subject, story, `number-${base}${suffix}`, dateOf);
        if (d) discrepancies.push(d);
        return;
      }
      // Several times: figures are compared within each; undated ones cannot be placed and are left out.
      periods.forEach((p, i) => {
        const d = disagreement(p, subject, story, `number-${base}${suffix}-t${i + 1}`, dateOf);
        if (d) discrepancies.push(d);
      });
      for (let i = 1; i < periods.length; i++) {
        const before = periods[i - 1];
        const after = periods[i];
        if (compatible([...before, ...after].map((t) => interval(t.m.claim)))) continue;
        discrepancies.push({
          id: `change-${base}${suffix}-t${i}`,
          kind: "change",
          about: `${subject}, ${before[0].time} to ${after[0].time}`,
          values: valueRows([...before, ...after], dateOf),
          story,
        });
      }
    });
  }
  uniqueLabels(discrepancies);
  return { groups, discrepancies };
}

/** When a claim holds: its own time words resolved against its article's date, else that date. */
function timeOfClaim(m: Item, dateOf: (id: string) => string | null): string | null {
  const time = m.claim.time ?? { relation: "current", text: null, date: null };
  return resolveClaimTime(time, dateOf(m.article.id));
}

/** Days between two ISO dates, years or months (a year or month counts from its first day). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/**
 * Reports written within this many days of each other give figures for one moment: the seeds' troop
 * figures of December 1 and 2 are one dispute, a December figure and a June figure are a change.
 */
export const SAME_TIME_DAYS = 14;

/** Claims with a known time in periods: sorted by time, a new period where the gap exceeds SAME_TIME_DAYS. */
function timePeriods<T extends { time: string }>(timed: T[]): T[][] {
  const sorted = [...timed].sort((a, b) => a.time.localeCompare(b.time));
  const out: T[][] = [];
  for (const t of sorted) {
    const cur = out[out.length - 1];
    const last = cur?.[cur.length - 1];
    // A year or month contains the days inside it: "2021" and "2021-06-02" are the same time.
    if (last && (t.time.startsWith(last.time) || dayNumber(t.time) - dayNumber(last.time) <= SAME_TIME_DAYS))
      cur.push(t);
    else out.push([t]);
  }
  return out;
}

/**
 * The values a figure may have once its qualifier is read: "more than 100" is above 100, "nearly 100"
 * just under it, "about 100" within a tenth of it, a bare "100" exactly 100.
 */
export function interval(c: Pick<NumberClaim, "value" | "qualifier">): [number, number] {
  const x = c.value;
  const q = (c.qualifier ?? "").toLowerCase();
  if (/^(?:more than|over|well over|upwards of|in excess of)$/.test(q)) return [x * (1 + 1e-9), Infinity];
  if (/^(?:at least)$/.test(q)) return [x, Infinity];
  if (/^(?:just over)$/.test(q)) return [x, x * 1.1];
  if (/^(?:nearly|almost|just under|close to)$/.test(q)) return [x * 0.85, x];
  if (/^(?:up to|at most|as many as|fewer than|less than|under)$/.test(q)) return [0, x];
  if (/^(?:about|around|roughly|approximately|some|estimated|an estimated)$/.test(q)) return [x * 0.9, x * 1.1];
  return [x, x];
}

/** True when one value can satisfy every interval. */
function compatible(ranges: [number, number][]): boolean {
  const lo = Math.max(...ranges.map((r) => r[0]));
  const hi = Math.min(...ranges.map((r) => r[1]));
  return lo <= hi;
}

/** A claim's value as a reader says it: qualifier, currency sign, figure ("more than $1,000"). */
function valueLabel(c: NumberClaim): string {
  // Articles analyzed before claims had a currency keep the sign in `unit`.
  const currency = c.currency ?? ({ $: "USD", "€": "EUR", "£": "GBP" } as Record<string, string>)[c.unit ?? ""] ?? null;
  const sign = currency === "USD" ? "$" : currency === "EUR" ? "€" : currency === "GBP" ? "£" : "";
  const code = currency && !sign ? ` ${currency}` : "";
  return `${c.qualifier ? `${c.qualifier} ` : ""}${sign}${formatNumber(c.value)}${code}`;
}

/** One row per value: its articles, each with the date the figure holds (the article's date otherwise). */
function valueRows(
  timed: { m: Item; time: string | null }[],
  dateOf: (id: string) => string | null,
): Discrepancy["values"] {
  const rows = new Map<string, { articles: string[]; dates: (string | null)[] }>();
  for (const { m, time } of timed) {
    const v = valueLabel(m.claim);
    const row = rows.get(v) ?? { articles: [], dates: [] };
    if (!row.articles.includes(m.article.id)) {
      row.articles.push(m.article.id);
      row.dates.push(time ?? dateOf(m.article.id));
    }
    rows.set(v, row);
  }
  return [...rows].map(([value, r]) => ({ value, articles: r.articles, dates: r.dates }));
}

/** A disagreement among figures for one time, or null when they can all hold (or come from one article). */
function disagreement(
  timed: { m: Item; time: string | null }[],
  about: string,
  story: string | null,
  id: string,
  dateOf: (id: string) => string | null,
): Discrepancy | null {
  if (new Set(timed.map((t) => t.m.article.id)).size < 2) return null;
  if (compatible(timed.map((t) => interval(t.m.claim)))) return null;
  const values = valueRows(timed, dateOf);
  if (values.length < 2) return null;
  return { id, kind: "number", about, values, story };
}

/**
 * Makes every label of a story's disagreements unique: two disputes about "nautical miles east" read
 * "nautical miles east (12 to 13)" and "nautical miles east (150)".
 */
function uniqueLabels(ds: Discrepancy[]): void {
  const byLabel = new Map<string, Discrepancy[]>();
  for (const d of ds) push(byLabel, d.about, d);
  for (const [label, same] of byLabel) {
    if (same.length < 2) continue;
    for (const d of same) {
      const nums = d.values.map((v) => Number((/[\d,.]+/.exec(v.value)?.[0] ?? "0").replace(/,/g, "")));
      const lo = formatNumber(Math.min(...nums));
      const hi = formatNumber(Math.max(...nums));
      d.about = `${label} (${lo === hi ? lo : `${lo} to ${hi}`})`;
    }
    const seen = new Map<string, number>();
    for (const d of same) {
      const n = (seen.get(d.about) ?? 0) + 1;
      seen.set(d.about, n);
      if (n > 1) d.about = `${d.about} #${n}`;
    }
  }
}
