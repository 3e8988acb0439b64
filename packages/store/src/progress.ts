/** Renders ingest progress: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export interface ProgressOptions {
  total: number;
  tty: boolean;
  write: (s: string) => void;
  /** Milliseconds; injected so tests control time. */
  now?: () => number;
  /** Seconds between plain lines when not a TTY. */
  every?: number;
  label?: string;
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return "?";
  s = Math.max(0, Math.round(s));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}h${String(m).padStart(2, "0")}m` : m ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}

/** One progress line: count, percentage, rate and ETA (and a bar when `width` > 0). */
export function progressLine(
  done: number,
  total: number,
  failed: number,
  elapsedMs: number,
  width = 0,
  label = "ingest",
): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const bar = width > 0 ? `[${"#".repeat(Math.round((pct / 100) * width)).padEnd(width, ".")}] ` : "";
  const fail = failed ? `, ${failed} failed` : "";
  return `${label} ${bar}${done}/${total} (${pct}%) ${rate.toFixed(1)}/s ETA ${done >= total ? "0s" : formatDuration(eta)}${fail}`;
}

export function createProgress(opts: ProgressOptions) {
  const o = { ...opts };
  const now = o.now ?? (() => performance.now());
  const start = now();
  let lastPrint = start;
  const every = (o.every ?? 5) * 1000;
  return {
    /**
     * `total` replaces the total given at creation: ingest counts articles, and learns how many a dump or
     * feed holds only once it has read it.
     */
    update(done: number, failed = 0, total = o.total): void {
      o.total = total;
      const t = now();
      if (o.tty) o.write(`\r${progressLine(done, o.total, failed, t - start, 30, o.label)}\x1b[K`);
      else if (t - lastPrint >= every || done >= o.total) {
        lastPrint = t;
        o.write(`${progressLine(done, o.total, failed, t - start, 0, o.label)}\n`);
      }
    },
    end(): void {
      if (o.tty) o.write("\n");
    },
  };
}
