import type { FetchStatus, Source } from "@newsfuse/core/schema";
import { plural } from "./labels.ts";
import { type Line, Lines, type Style, seg } from "./lines.ts";

/** How each fetch outcome is drawn: failures stand out, a healthy feed does not shout. */
const STATUS_STYLE: Record<FetchStatus, Style> = {
  ok: "good",
  unchanged: "good",
  disallowed: "warn",
  refused: "warn",
  error: "warn",
};

/** "2026-12-03 13:20Z": ISO times cut to the minute, in UTC, so the columns line up whatever the zone. */
export function timeLabel(iso: string | null): string {
  if (!iso) return "never";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

/** "every 15 min", "every 2 h", "every 45 s": the polling interval as a person says it. */
export function intervalLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}

/**
 * The Sources screen: each subscribed feed with its health as `GET /v1/sources` reports it (last fetch,
 * status, HTTP status, items seen, next poll, interval, consecutive failures, last error); `o` opens its URL.
 */
export function sourcesLines(sources: Source[], width: number): Line[] {
  const out = new Lines(width);
  if (!sources.length) {
    out.item().wrap([seg("no subscribed feeds: add one with newsfuse sources add <feed-url|opml>", "dim")]);
    return out.lines;
  }
  const failing = sources.filter((s) => s.state.failures > 0).length;
  out.heading(`Feeds (${sources.length}${failing ? `, ${failing} failing` : ""})`);
  for (const s of sources) {
    const st = s.state;
    out.item(/^https?:\/\//i.test(s.url) ? { url: s.url } : {});
    const status = st.lastStatus ?? "not fetched yet";
    out.add(
      seg(`  ${st.failures > 0 ? "✗" : "●"} `, st.failures > 0 ? "warn" : "good"),
      seg(s.title ?? s.url, "bold"),
      seg(" · "),
      seg(status, st.lastStatus ? STATUS_STYLE[st.lastStatus] : "dim"),
      seg(st.httpStatus !== null ? ` · HTTP ${st.httpStatus}` : "", "dim"),
    );
    if (s.title) out.wrap([seg("    "), seg(s.url, "dim")], 4);
    out.wrap(
      [
        seg("    last fetch ", "dim"),
        seg(timeLabel(st.lastFetchAt)),
        seg(" · next poll ", "dim"),
        seg(timeLabel(st.nextPollAt)),
        seg(` · ${intervalLabel(st.intervalSeconds)}`, "dim"),
      ],
      4,
    );
    out.wrap(
      [
        seg(`    ${plural(st.itemsSeen, "item")} seen · `, "dim"),
        seg(plural(st.failures, "failure"), st.failures > 0 ? "warn" : "dim"),
        seg(` · added by ${s.addedBy} ${timeLabel(s.addedAt)} · ${s.id}`, "dim"),
      ],
      4,
    );
    if (st.lastError) out.wrap([seg("    last error: ", "dim"), seg(st.lastError, "warn")], 6);
  }
  return out.lines;
}
