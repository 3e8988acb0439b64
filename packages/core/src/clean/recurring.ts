// Lines that recur across many articles of one batch are site chrome (a footer, a disclaimer, a
// newsletter prompt) — unless the articles share them because they are copies of one story
// (the same wire text republished), which must survive for dedup and fusion to see it.
import { matchKey, wordCount } from "../text/normalize.ts";

export interface RecurringOptions {
  /** A line must occur in at least this many distinct articles. */
  minArticles?: number;
  /** ...and in at least this share of the batch. */
  minShare?: number;
}

/**
 * Defaults: 3 articles (two copies of a line is too common by chance: a shared quote), and 10% of
 * the batch so that in a large mixed batch a line shared by a handful of copies of one story is not
 * mistaken for chrome.
 */
export const RECURRING_DEFAULTS: Required<RecurringOptions> = { minArticles: 3, minShare: 0.1 };

// An article whose paragraphs mostly also occur elsewhere in the batch is a copy of another
// article; its lines are evidence of a shared story, not of chrome.
const COPY_SHARE = 0.5;
// Long prose paragraphs recur as chrome only when they sit in the page's tail (disclaimers).
const LONG_PROSE_WORDS = 25;
const PROSE_WORDS = 8;
const SENTENCE_END = /[.!?"']\)?$/;

/**
 * Finds the paragraphs (as `matchKey`s) that recur across articles of a batch as boilerplate.
 * `articles` holds each article's paragraphs in order.
 * @example findRecurringLines([["A.", "Share this"], ["B.", "Share this"], ["C.", "Share this"]]) // Set { "share this" }
 */
export function findRecurringLines(articles: string[][], options: RecurringOptions = {}): Set<string> {
  const { minArticles, minShare } = { ...RECURRING_DEFAULTS, ...options };
  const out = new Set<string>();
  if (articles.length < minArticles) return out;
  const keys = articles.map((ps) => ps.map(matchKey));
  const where = new Map<string, number[]>();
  keys.forEach((ks, i) => {
    for (const k of new Set(ks)) {
      if (!k) continue;
      const list = where.get(k);
      if (list) list.push(i);
      else where.set(k, [i]);
    }
  });
  // Judge copies on substantial paragraphs only: short chrome lines are exactly what recurs.
  const copyShare = keys.map((ks) => {
    const prose = ks.filter((k) => wordCount(k) >= PROSE_WORDS && SENTENCE_END.test(k));
    return prose.length ? prose.filter((k) => (where.get(k)?.length ?? 0) > 1).length / prose.length : 0;
  });
  const threshold = Math.max(minArticles, Math.ceil(minShare * articles.length));
  for (const [k, list] of where) {
    if (list.length < threshold) continue;
    const independent = list.filter((i) => copyShare[i] < COPY_SHARE);
    if (independent.length < threshold) continue;
    if (wordCount(k) > LONG_PROSE_WORDS && !list.every((i) => inTail(keys[i], k))) continue;
    out.add(k);
  }
  return out;
}

function inTail(keys: string[], k: string): boolean {
  const idx = keys.lastIndexOf(k);
  return idx >= keys.length - 4;
}
