import type { BundleArticle } from "@newsfuse/core/schema";
import { sourceLabel } from "../../lib/labels.ts";

/** One column of the coverage matrix: an outlet and its articles (an article alone when its outlet is unknown). */
export interface OutletColumn {
  key: string;
  label: string;
  articles: BundleArticle[];
}

export function outletColumns(articles: BundleArticle[]): OutletColumn[] {
  const cols = new Map<string, OutletColumn>();
  for (const a of articles) {
    const name = a.outlet ?? a.agency;
    const key = name ? `o:${name}` : `a:${a.id}`;
    const col = cols.get(key) ?? { key, label: sourceLabel(a), articles: [] };
    col.articles.push(a);
    cols.set(key, col);
  }
  return [...cols.values()];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export type Carried = "verbatim" | "variant" | "absent";

/**
 * How an outlet carries a quote: verbatim when one of its articles has the quote's words (punctuation and
 * case aside) or contains them, variant when it carries only another wording, absent otherwise.
 */
export function carried(
  quote: { text: string; occurrences: Array<{ article: string; text: string }> },
  col: OutletColumn,
): Carried {
  const ids = new Set(col.articles.map((a) => a.id));
  const occ = quote.occurrences.filter((o) => ids.has(o.article));
  if (!occ.length) return "absent";
  const want = norm(quote.text);
  return occ.some((o) => norm(o.text).includes(want)) ? "verbatim" : "variant";
}
