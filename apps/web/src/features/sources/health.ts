import type { Source } from "@newsfuse/core/schema";

/** How a source's health reads in one word, and whether it needs the reader's attention. */
export function healthOf(s: Source): { label: string; failing: boolean } {
  const st = s.state.lastStatus;
  if (st === null) return { label: "not fetched yet", failing: false };
  if (st === "ok") return { label: "ok", failing: false };
  if (st === "unchanged") return { label: "unchanged", failing: false };
  return { label: st, failing: true };
}

/** Sources with a failing last poll or consecutive failures (they back off). */
export function isFailing(s: Source): boolean {
  return healthOf(s).failing || s.state.failures > 0;
}

/** A polling interval as a person says it: "15 min", "2 h", "1 d 6 h". */
export function intervalLabel(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) {
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(seconds / 86400);
  const h = Math.round((seconds % 86400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** An instant in UTC, to the minute: "Jan 5, 2026, 10:00 UTC". */
export function instantLabel(iso: string | null): string {
  if (!iso) return "never";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toLocaleString("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  })} UTC`;
}
