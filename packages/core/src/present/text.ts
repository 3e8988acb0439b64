// Small text helpers shared by the formatters. Plain strings only: no ANSI, so a terminal UI can style
// the same lines and tests can compare them as they are.

/** Cuts `s` to at most `n` characters, marking the cut with an ellipsis. */
export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** An article id without its file extension: `003_6c04b11d307fba50.txt` -> `003_6c04b11d307fba50`. */
export function shortId(id: string): string {
  return id.replace(/\.(txt|html?|json|xml)$/i, "");
}

/** Article ids for a parenthesis: short, comma-separated. */
export function idList(ids: readonly string[]): string {
  return ids.map(shortId).join(", ");
}

/** The parts that are present, joined: `join(["a", null, "b"], " · ")` -> `a · b`. */
export function joinPresent(parts: ReadonlyArray<string | null | undefined | false | 0>, sep: string): string {
  return parts.filter(Boolean).join(sep);
}

const SCALES: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * A figure as a reader writes it, without locale tables: "100,000"; from a million up, a round figure
 * in words ("11 billion", "2.5 million") as articles give money and large counts.
 */
export function formatFigure(v: number): string {
  for (const [n, word] of SCALES) {
    const scaled = v / n;
    if (Math.abs(scaled) >= 1 && Math.round(scaled * 100) === scaled * 100) return `${formatFigure(scaled)} ${word}`;
  }
  const [int, frac] = String(v).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}

const CURRENCY_SIGN: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/**
 * An amount with its currency and unit: "$11 billion", "CHF 3 million", "12%", "150 nautical miles".
 * Money keeps its currency even when the figure is large; a count has neither and prints bare.
 */
export function formatAmount(a: { value: number; currency?: string | null; unit?: string | null }): string {
  const n = formatFigure(a.value);
  if (a.currency) return CURRENCY_SIGN[a.currency] ? `${CURRENCY_SIGN[a.currency]}${n}` : `${a.currency} ${n}`;
  if (a.unit === "percent") return `${n}%`;
  return a.unit ? `${n} ${a.unit}` : n;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The weekday of an ISO day ("2021-12-02" -> "Thursday"), or null for a month, a year or no date. */
export function isoWeekday(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
}

/**
 * The day a weekday named in a report refers to: the latest such day on or before the report's date
 * (news says "Thursday" for this week's Thursday). Null without a full report date.
 */
export function dayOfWeekday(weekday: string, reportDate: string | null): string | null {
  const wd = WEEKDAYS.indexOf(weekday);
  if (wd < 0 || !isoWeekday(reportDate)) return null;
  const d = new Date(`${reportDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - wd + 7) % 7));
  return d.toISOString().slice(0, 10);
}
