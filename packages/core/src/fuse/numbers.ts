import type { Article, NumberClaim } from "../schema/article.ts";
import type { Discrepancy, NumericClaimGroup } from "../schema/story.ts";
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
  "foot feet yard meter metre mile kilometer kilometre km inch minute hour second week month game season point goal time degree pound kilogram kg ton tonne mph percent dollar".split(
    " ",
  ),
);

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function stem(w: string): string {
  const l = w.toLowerCase();
  if (l.length > 4 && l.endsWith("ies")) return `${l.slice(0, -3)}y`;
  if (l.length > 3 && l.endsWith("s") && !l.endsWith("ss")) return l.slice(0, -1);
  return l;
}

function parseSubject(subject: string): { head: string; qualifiers: string[] } {
  const words = fold(subject)
    .replace(/'s\b/g, "")
    .split(/[^A-Za-z-]+/)
    .filter(Boolean);
  // The head noun is the first lower-case word after the qualifiers ("Russian troops near the border" -> troops).
  const headWord = words.find((w) => /^[a-z]/.test(w) && w.length > 2) ?? words[words.length - 1] ?? "";
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
        article: m.article.id,
        date: dateOf(m.article.id),
        start: m.claim.start,
        end: m.claim.end,
      })),
    });
    const [head, unit, quals] = key.split("|");
    const specific = quals !== "" || (!MEASURES.has(head) && !MEASURES.has(unit) && head.length > 3);
    if (!specific) continue;
    // Figures far apart count different things ("23 pirates captured" / "1,500 pirates in the gulf"):
    // only figures within SAME_QUANTITY_RATIO of their neighbours are set against each other.
    const sorted = [...ms].sort((a, b) => a.claim.value - b.claim.value);
    const runs: Item[][] = [];
    for (const m of sorted) {
      const run = runs[runs.length - 1];
      if (run && m.claim.value <= run[run.length - 1].claim.value * SAME_QUANTITY_RATIO) run.push(m);
      else runs.push([m]);
    }
    runs.forEach((run, r) => {
      const values = new Map<string, { articles: Set<string>; dates: Set<string | null> }>();
      for (const m of run) {
        const v = `${m.claim.qualifier ? `${m.claim.qualifier} ` : ""}${formatNumber(m.claim.value)}`;
        const slot = values.get(v) ?? { articles: new Set(), dates: new Set() };
        slot.articles.add(m.article.id);
        slot.dates.add(dateOf(m.article.id));
        values.set(v, slot);
      }
      if (values.size < 2 || new Set(run.map((m) => m.article.id)).size < 2) return;
      discrepancies.push({
        id: `number-${story ?? "batch"}-${key.replace(/[^a-z0-9+]+/gi, "-")}${runs.length > 1 ? `-${r + 1}` : ""}`,
        kind: "number",
        about: subject,
        values: [...values].map(([value, s]) => ({ value, articles: [...s.articles], dates: [...s.dates] })),
        story,
      });
    });
  }
  return { groups, discrepancies };
}
