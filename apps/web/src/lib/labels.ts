interface Labelled {
  id: string;
  title?: string | null;
  outlet?: string | null;
  agency?: string | null;
}

/** A short handle for an article id: the seeds' "000_05ad…" become "000". */
export function shortId(id: string): string {
  const m = /^([^_.]{1,8})[_.]/.exec(id);
  return m ? m[1] : id.slice(0, 8);
}

/** Who published the article, or a stand-in that still tells articles apart. */
export function sourceLabel(a: Labelled): string {
  return a.outlet ?? a.agency ?? `Article ${shortId(a.id)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export function dayLabel(d: string | null | undefined): string {
  if (!d) return "undated";
  const t = Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);
  if (Number.isNaN(t)) return d;
  return new Date(t).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

export function spanLabel(span: { from: string | null; to: string | null }): string {
  if (!span.from && !span.to) return "undated";
  if (span.from === span.to || !span.to) return dayLabel(span.from);
  if (!span.from) return dayLabel(span.to);
  return `${dayLabel(span.from)} – ${dayLabel(span.to)}`;
}

export function timeAgo(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return dayLabel(iso.slice(0, 10));
}
