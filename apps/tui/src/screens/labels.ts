import type { BundleArticle, StoryBundle } from "@newsfuse/core/schema";

/** A short handle for an article id: the seeds' "001_57e72f795a792d39.txt" reads as "001_57e7". */
export function shortId(id: string): string {
  return id.replace(/\.(txt|html?|xml|json)$/i, "").slice(0, 8);
}

/** "AP · 002_b662": who published it and which copy; the id alone when the outlet is unknown. */
export function articleLabel(a: Pick<BundleArticle, "id" | "outlet" | "agency"> | undefined, id: string): string {
  const who = a?.outlet ?? a?.agency;
  return who ? `${who} · ${shortId(id)}` : shortId(id);
}

/** Labels for article ids through the bundle's articles. */
export function labeller(bundle: StoryBundle | null | undefined): (id: string) => string {
  const byId = new Map((bundle?.articles ?? []).map((a) => [a.id, a]));
  return (id) => articleLabel(byId.get(id), id);
}

/** "2021-12-02", "2021-12-01 → 12-03", or "undated". */
export function spanLabel(span: { from: string | null; to: string | null }): string {
  const { from, to } = span;
  if (!from && !to) return "undated";
  if (!from || !to || from === to) return (from ?? to) as string;
  return from.slice(0, 4) === to.slice(0, 4) ? `${from} → ${to.slice(5)}` : `${from} → ${to}`;
}

/** A date as the reader should trust it: inferred dates are marked with "~" and "(inferred)". */
export function dateLabel(date: string | null, inferred: boolean): string {
  if (!date) return "undated";
  return inferred ? `~${date} (inferred)` : date;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listOr(items: string[], none = "—"): string {
  return items.length ? items.join(", ") : none;
}
