import type { ArticleDetail, Removed } from "@newsfuse/core/schema";
import { dateLabel, listOr, shortId } from "./labels.ts";
import { type Line, Lines, type Segment, seg } from "./lines.ts";

interface Mark {
  start: number;
  end: number;
  style: "quote" | "entity" | "focus";
  /** Shown after a quote: who said it. */
  after?: string;
  target?: Line["target"];
}

/** Removed text that sat before the body (headline, kicker, byline, date) versus after it or inside it. */
const LEADING: ReadonlySet<Removed["reason"]> = new Set(["headline", "kicker", "byline", "date"]);

function marks(d: ArticleDetail, focus?: { start: number; end: number }): Mark[] {
  const a = d.article;
  const out: Mark[] = [];
  const inQuote = focus && a.quotes.some((q) => q.start <= focus.start && q.end >= focus.end);
  if (focus && !inQuote) out.push({ start: focus.start, end: focus.end, style: "focus" });
  const byLocal = new Map(a.entities.map((e) => [e.id, e]));
  for (const q of a.quotes) {
    const who = q.speaker ?? (q.speakerId ? byLocal.get(q.speakerId)?.name : undefined);
    out.push({ start: q.start, end: q.end, style: "quote", ...(who ? { after: who } : {}) });
  }
  for (const e of a.entities) for (const m of e.mentions) out.push({ start: m.start, end: m.end, style: "entity" });
  // Quotes win over entity marks inside them: the highlight shows the quotation as one piece.
  const rank = { focus: 0, quote: 1, entity: 2 } as const;
  return out.sort((x, y) => x.start - y.start || rank[x.style] - rank[y.style]);
}

/** The body from `from` to `to` as styled segments, each mark in its style, a quote followed by its speaker. */
function styled(body: string, from: number, to: number, ms: Mark[], focus?: { start: number; end: number }): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const m of ms) {
    if (m.end <= at || m.start >= to) continue;
    if (m.start < at) continue;
    if (m.start > at) out.push(seg(body.slice(at, m.start)));
    const end = Math.min(m.end, to);
    const isFocus = focus && m.start <= focus.start && m.end >= focus.end;
    out.push(seg(body.slice(m.start, end), isFocus ? "focus" : m.style));
    if (m.after && end === m.end) {
      // The closing mark sits after the span; keep it before the speaker tag.
      const close = /^[”"’']/.test(body.slice(end, end + 1)) ? 1 : 0;
      if (close) out.push(seg(body.slice(end, end + close), "quote"));
      out.push(seg(` [${m.after}]`, "speaker"));
      at = end + close;
    } else at = end;
  }
  if (at < to) out.push(seg(body.slice(at, to)));
  return out;
}

export function articleHeader(d: ArticleDetail, width: number, out: Lines): void {
  const a = d.article;
  const p = a.published;
  out.item().wrap([seg(a.title ?? "(no headline)", "bold"), ...(a.titleDerived ? [seg(" (derived)", "dim")] : [])]);
  const date = p.stated ?? p.inferred;
  out.wrap([
    seg("date: ", "dim"),
    seg(dateLabel(date, !p.stated && !!p.inferred), p.conflicts.length ? "warn" : "accent"),
    ...(p.source && p.stated ? [seg(` (stated, from the ${p.source})`, "dim")] : []),
    ...(p.stated && p.inferred && p.stated !== p.inferred ? [seg(`; its content dates it ${p.inferred}`, "warn")] : []),
    ...(p.weekday ? [seg(` · main event on ${p.weekday}`, "dim")] : []),
    ...(p.modified ? [seg(` · modified ${p.modified}`, "dim")] : []),
  ]);
  for (const c of p.conflicts) out.wrap([seg("  ⚠ ", "warn"), seg(c, "warn")], 4);
  const dl = a.dateline;
  if (dl && (dl.place || dl.agency))
    out.add(seg("dateline: ", "dim"), seg([dl.place, dl.agency].filter(Boolean).join(" (") + (dl.agency ? ")" : "")));
  out.wrap([seg("byline: ", "dim"), seg(listOr(a.authors, "none"))]);
  if (a.credits.length)
    out.wrap([seg("credits: ", "dim"), seg(a.credits.map((c) => `${c.role}: ${c.names.join(", ")}`).join("; "))], 2);
  const pv = a.provenance;
  out.wrap([
    seg("provenance: ", "dim"),
    seg(
      [
        pv.outlet ? `outlet ${pv.outlet}` : "outlet unknown",
        pv.agency ? `wire ${pv.agency}` : null,
        pv.republishedFrom ? `republished from ${pv.republishedFrom}` : null,
        pv.materialFrom.length ? `material from ${pv.materialFrom.join(", ")}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
  ]);
  if (pv.url) out.item({ url: pv.url }).wrap([seg("url: ", "dim"), seg(pv.url, "accent")]);
  else if (d.origin) out.item().wrap([seg("from: ", "dim"), seg(d.origin, "dim")]);
  const g = d.duplicateGroup;
  if (g) {
    out.item({ target: { kind: "article", id: g.original } });
    out.wrap(
      [
        seg("duplicate group: ", "dim"),
        seg(`${g.kind}, similarity ${g.similarity.toFixed(2)}, original ${shortId(g.original)}`),
        seg(` · ${g.articles.map(shortId).join(", ")}`, "dim"),
      ],
      2,
    );
  } else out.item().add(seg("duplicate group: none", "dim"));
  out.item().add(seg("─".repeat(Math.min(width, 100)), "dim"));
}

function removedLines(items: Removed[], out: Lines): void {
  for (const r of items) out.item().wrap([seg(`[removed: ${r.reason}] `, "removed"), seg(r.text, "removed")], 2);
}

/**
 * The reader: header, then the clean body paragraph by paragraph with quotes and entities marked. With
 * `showRemoved`, what cleaning took out is shown dimmed where it stood: the store keeps removed text without
 * offsets, so headline, kicker, byline and date lines go above the body and the rest below it.
 */
export function articleLines(
  d: ArticleDetail,
  width: number,
  opts: { showRemoved?: boolean; focus?: { start: number; end: number } } = {},
): Line[] {
  const out = new Lines(width);
  articleHeader(d, width, out);
  const body = d.article.body;
  const ms = marks(d, opts.focus);
  const removed = d.article.removed;
  if (opts.showRemoved)
    removedLines(
      removed.filter((r) => LEADING.has(r.reason)),
      out,
    );
  const re = /[^\n]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const start = m.index;
    const end = start + m[0].length;
    out.item();
    out.wrap(styled(body, start, end, ms, opts.focus));
    out.blank();
  }
  if (opts.showRemoved)
    removedLines(
      removed.filter((r) => !LEADING.has(r.reason)),
      out,
    );
  else if (removed.length)
    out.item().add(seg(`${removed.length} pieces removed by cleaning: press b to show them`, "dim"));
  return out.lines;
}

/** The first line showing the focused span (a quote or figure the reader was opened at), or 0. */
export function focusLine(lines: Line[]): number {
  const i = lines.findIndex((l) => l.segments.some((s) => s.style === "focus"));
  return Math.max(0, i);
}
