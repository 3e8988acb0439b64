import type { StorySummary } from "@newsfuse/core/schema";
import type { Sort } from "../state/nav.ts";
import { spanLabel } from "./labels.ts";
import { cell, type Line, seg } from "./lines.ts";

/** Column widths of the story list; the title takes what is left. */
const COLS = [
  ["span", 12, "left"],
  ["arts", 4, "right"],
  ["orig", 4, "right"],
  ["outl", 4, "right"],
  ["evts", 4, "right"],
  ["quot", 4, "right"],
  ["disp", 4, "right"],
] as const;

/** "2021-12-02", or "21-12-01→02" style ranges that fit the 12 columns of the list. */
function compactSpan(span: { from: string | null; to: string | null }): string {
  const { from, to } = span;
  if (!from || !to || from === to) return spanLabel(span);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${from.slice(2)}→${to.slice(8)}`;
  return `${from.slice(2, 7)}→${to.slice(2, 7)}`;
}

function titleWidth(width: number): number {
  return Math.max(16, width - 3 - COLS.reduce((n, c) => n + c[1] + 1, 0));
}

/** The fixed header above the story list. */
export function storiesHeader(width: number): Line {
  const t = titleWidth(width);
  return {
    group: 0,
    segments: [seg(cell("story", t), "dim"), ...COLS.map(([name, w, a]) => seg(` ${cell(name, w, a)}`, "dim"))],
  };
}

/** ISO dates order as plain strings; `localeCompare` would cost a collation per comparison on thousands of rows. */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

const bySort: Record<Sort, (a: StorySummary, b: StorySummary) => number> = {
  newest: (a, b) => byText(b.span.to ?? "", a.span.to ?? "") || b.articleCount - a.articleCount,
  "most covered": (a, b) => b.originCount - a.originCount || b.articleCount - a.articleCount,
  "most disputed": (a, b) => b.discrepancyCount - a.discrepancyCount || b.articleCount - a.articleCount,
};

/** Sorts in the TUI as well as on the server so a live update lands in its place without a refetch of all pages. */
export function sortStories(stories: StorySummary[], sort: Sort): StorySummary[] {
  return [...stories].sort(bySort[sort]);
}

export function storiesLines(stories: StorySummary[], width: number, fresh: ReadonlySet<string> = new Set()): Line[] {
  const t = titleWidth(width);
  return stories.map((s, i) => ({
    group: i + 1,
    target: { kind: "story", id: s.id, title: s.title },
    segments: [
      seg(cell(`${fresh.has(s.id) ? "● " : ""}${s.title}`, t), fresh.has(s.id) ? "good" : "bold"),
      seg(` ${cell(compactSpan(s.span), 12)}`, "accent"),
      seg(` ${cell(String(s.articleCount), 4, "right")}`),
      seg(` ${cell(String(s.originCount), 4, "right")}`),
      seg(` ${cell(String(s.outletCount), 4, "right")}`),
      seg(` ${cell(String(s.eventCount), 4, "right")}`),
      seg(` ${cell(String(s.quoteCount), 4, "right")}`),
      seg(` ${cell(String(s.discrepancyCount), 4, "right")}`, s.discrepancyCount ? "warn" : "plain"),
    ],
  }));
}
