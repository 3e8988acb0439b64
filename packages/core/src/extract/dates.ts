// Dates: the date a text states for itself (a header line "FRIDAY, April 19, 2024", a dateline),
// the weekday it names for its main event, and evidence that a stated date contradicts the content.
// Nothing is ever invented: a text without a dated line has no stated date.
import * as chrono from "chrono-node";
import { WEEKDAYS, type Weekday } from "../text/normalize.ts";

export interface StatedDate {
  /** YYYY-MM-DD */
  iso: string;
  /** The weekday printed with the date ("FRIDAY, April 19, 2024" -> "Friday"), if any. */
  weekday: Weekday | null;
  /** "modified" for "Updated ..." lines, which never count as the publication date. */
  kind: "published" | "modified";
  text: string;
}

// chrono needs a reference instant; only fully stated dates (certain year) are accepted, so the
// reference never leaks into a result. Fixed so results are reproducible.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const HAS_YEAR = /\b(?:1[89]|20)\d\d\b/;
const MODIFIED_PREFIX = /^\s*(?:last\s+)?(?:updated|modified|edited)\b/i;
// What may surround the date on a line that is "only a date".
const DATE_LINE_NOISE =
  /(?<=\d)\s?(?:am|pm|a\.m\.|p\.m\.|hrs|h)\b|\b(?:published|first published|posted|updated|last updated|modified|date|dated|on|at|am|pm|a\.m\.|p\.m\.|hrs|edt|est|cdt|cst|mdt|mst|pdt|pst|bst|cet|cest|eet|eest|msk|ist|jst|kst|hkt|sgt|pkt|ict|wib|sast|eat|wat|hst|akst|akdt|nzst|nzdt|awst|acst|aest|aedt|utc|gmt|et|pt|ct|mt|t|z)\b|[|·•,:;\-–—\s./()@+\d]/gi;
const WEEKDAY_RE = /\b(Sun|Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?)(?:day)?\b\.?/gi;
const MAX_DATE_LINE_WORDS = 14;

/**
 * Reads a line that is a date and nothing else (prefixes such as "Published:" or "Updated" and a
 * time are allowed). Returns null for sentences that merely contain a date.
 * @example parseDateLine("FRIDAY, April 19, 2024") // { iso: "2024-04-19", weekday: "Friday", kind: "published", ... }
 */
export function parseDateLine(line: string): StatedDate | null {
  // "4 / 11 / 2007": tokenized numeric dates.
  const t = line.trim().replace(/(\d)\s+([/.])\s+(?=\d)/g, "$1$2");
  if (t.length > 90 || !HAS_YEAR.test(t)) return null;
  if (t.split(/\s+/).length > MAX_DATE_LINE_WORDS) return null;
  const results = chrono.strict.parse(t, REFERENCE);
  const r = results.find((x) => x.start.isCertain("year") && x.start.isCertain("month") && x.start.isCertain("day"));
  if (!r) return null;
  const rest = `${t.slice(0, r.index)} ${t.slice(r.index + r.text.length)}`.replace(WEEKDAY_RE, " ");
  if (rest.replace(DATE_LINE_NOISE, "").length > 0) return null;
  const iso = toIso(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!);
  if (!iso) return null;
  const wd = WEEKDAY_RE.exec(t);
  WEEKDAY_RE.lastIndex = 0;
  return {
    iso,
    weekday: wd ? weekdayFromAbbrev(wd[1]) : null,
    kind: MODIFIED_PREFIX.test(t) ? "modified" : "published",
    text: t,
  };
}

const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?/gi;

/**
 * True for a line made only of date and time parts ("Updated 9:06 AM", "POSTED: 1052 GMT, April 10, 2007"),
 * with or without a year: a timestamp, never a headline.
 * @example isTimestampLine("Updated 9:06 AM") // true
 */
export function isTimestampLine(line: string): boolean {
  const t = line.trim();
  if (!/\d/.test(t) || t.length > 90) return false;
  return t.replace(WEEKDAY_RE, " ").replace(MONTH_WORD, " ").replace(DATE_LINE_NOISE, "").length === 0;
}

/**
 * Normalizes a metadata date (ISO date or date-time, or a common written form) to YYYY-MM-DD.
 * @example toIsoDate("2021-12-02T10:15:00Z") // "2021-12-02"
 */
export function toIsoDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (iso) return toIso(+iso[1], +iso[2], +iso[3]);
  const r = chrono.strict.parse(value, REFERENCE).find((x) => x.start.isCertain("year") && x.start.isCertain("day"));
  return r ? toIso(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!) : null;
}

function toIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The weekday of a YYYY-MM-DD date.
 * @example weekdayOf("2021-12-02") // "Thursday"
 */
export function weekdayOf(iso: string): Weekday {
  const [y, m, d] = iso.split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

function weekdayFromAbbrev(s: string): Weekday | null {
  const k = s.slice(0, 2).toLowerCase();
  const map: Record<string, Weekday> = {
    su: "Sunday",
    mo: "Monday",
    tu: "Tuesday",
    we: "Wednesday",
    th: "Thursday",
    fr: "Friday",
    sa: "Saturday",
  };
  return map[k] ?? null;
}

const WEEKDAY_WORD = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/**
 * Weekdays named in each paragraph, in order.
 * @example weekdaysIn("talks Friday after Thursday's call") // ["Friday", "Thursday"]
 */
export function weekdaysIn(text: string): Weekday[] {
  const out: Weekday[] = [];
  WEEKDAY_WORD.lastIndex = 0;
  for (let m = WEEKDAY_WORD.exec(text); m; m = WEEKDAY_WORD.exec(text)) out.push(m[1] as Weekday);
  return out;
}

/**
 * The weekday a text names for its main event: the most frequent weekday of the first paragraph
 * that names one (the lead reports the main event; ties go to the first named). A weekday that
 * only dates an attribution ("the State Department said Wednesday") dates the report, not the
 * event, so it counts only when no other weekday is named.
 * @example mainWeekday(["The ministry said Wednesday they will meet.", "Talks begin Thursday."]) // "Thursday"
 */
export function mainWeekday(paragraphs: string[]): Weekday | null {
  let fallback: Weekday | null = null;
  for (const p of paragraphs) {
    const days: Weekday[] = [];
    WEEKDAY_WORD.lastIndex = 0;
    for (let m = WEEKDAY_WORD.exec(p); m; m = WEEKDAY_WORD.exec(p)) {
      fallback ??= m[1] as Weekday;
      if (!ATTRIBUTION_BEFORE.test(p.slice(Math.max(0, m.index - 30), m.index))) days.push(m[1] as Weekday);
    }
    if (days.length === 0) continue;
    let best = days[0];
    let bestN = 0;
    for (const d of days) {
      const n = days.filter((x) => x === d).length;
      if (n > bestN) [best, bestN] = [d, n];
    }
    return best;
  }
  return fallback;
}

const ATTRIBUTION_BEFORE = /\b(?:said|says|announced|reported|confirmed|told reporters)\s+(?:on\s+|late\s+|early\s+)?$/;

// Years as the content mentions them ("in 2014", "since 1991"), not amounts ("2,014") or money.
const YEAR = /(?<![\d$€£,.])\b(1[89]\d\d|20\d\d)\b(?![\d,]|%| (?:percent|people|troops|km|miles|dollars))/g;

/**
 * The years a text mentions, ascending and unique.
 * @example yearsMentioned("annexed Crimea in 2014; by 2021 ...") // [2014, 2021]
 */
export function yearsMentioned(text: string): number[] {
  const set = new Set<number>();
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) set.add(Number(m[1]));
  return [...set].sort((a, b) => a - b);
}

/** How many years a stated date may run ahead of the latest year the content mentions before it is worth noting. */
const YEAR_GAP = 3;
// A sentence announcing something to come: "will meet ... on Thursday", "is scheduled to", "plans to".
const FUTURE =
  /\b(?:will|is to|are to|is scheduled to|are scheduled to|is expected to|are expected to|plans? to|is set to|are set to|next)\b/i;

/**
 * Evidence that a stated date contradicts the text it heads. Each note names its evidence:
 * - the printed weekday is not the weekday of the printed date;
 * - the text announces an event as still to come on a weekday that, seen from the stated date,
 *   passed the day before ("will meet ... on Thursday" under a Friday date): the date is
 *   not when the text was written (a scrape or republication date). When the date is also years
 *   after the latest year the content mentions, the note says so.
 * @example dateConflicts({ iso: "2024-04-19", weekday: "Friday" }, "Crimea, annexed in 2014. They will meet in Stockholm on Thursday.")
 * // ["stated date 2024-04-19 (a Friday) contradicts the text, which announces an event on Thursday as still to come ..."]
 */
export function dateConflicts(
  stated: { iso: string; weekday: Weekday | null },
  body: string,
  opts: { exactDay?: boolean } = {},
): string[] {
  const notes: string[] = [];
  const actual = weekdayOf(stated.iso);
  if (stated.weekday && stated.weekday !== actual) {
    notes.push(`stated date ${stated.iso} is printed as a ${stated.weekday} but was a ${actual}`);
  }
  const printed = stated.weekday ?? actual;
  // A metadata timestamp in UTC can be a day off the local date, too coarse for a one-day rule.
  const upcoming = (opts.exactDay === false ? [] : futureWeekdays(body)).filter((w) => {
    const back = (WEEKDAYS.indexOf(printed) - WEEKDAYS.indexOf(w) + 7) % 7;
    // Only the day just before: "will meet Thursday" under a Friday date. Further back it may
    // well mean next week ("will be sentenced Friday" on a Sunday).
    return back === 1;
  });
  if (upcoming.length) {
    const years = yearsMentioned(body);
    const latest = years.length ? years[years.length - 1] : null;
    const statedYear = Number(stated.iso.slice(0, 4));
    const gap =
      latest !== null && statedYear - latest >= YEAR_GAP
        ? `; it is also ${statedYear - latest} years after the latest year the text mentions (${latest})`
        : "";
    notes.push(
      `stated date ${stated.iso} (a ${printed}) contradicts the text, which announces an event on ${upcoming[0]} as still to come${gap}: likely a scrape or republication date, not the story's`,
    );
  }
  return notes;
}

const PAST_VERB = /\b(?:said|told|was|were|had|did|met|spoke|\w{3,}ed)\b/i;

/**
 * Weekdays named in sentences that announce something to come ("will meet ... on Thursday").
 * @example futureWeekdays("Blinken will meet Lavrov on Thursday. He spoke Wednesday.") // ["Thursday"]
 */
export function futureWeekdays(text: string): Weekday[] {
  const out: Weekday[] = [];
  WEEKDAY_WORD.lastIndex = 0;
  for (let m = WEEKDAY_WORD.exec(text); m; m = WEEKDAY_WORD.exec(text)) {
    const from = Math.max(text.lastIndexOf(". ", m.index), text.lastIndexOf("\n", m.index), 0);
    let to = text.indexOf(". ", m.index);
    const nl = text.indexOf("\n", m.index);
    if (to < 0 || (nl >= 0 && nl < to)) to = nl;
    if (to < 0) to = text.length;
    const sentence = text.slice(from, to);
    // "last Thursday", "on Thursday ... said" in past narration do not announce anything.
    // The cue must govern the weekday: no past-tense verb between them ("is expected to lay off
    // ... confirmed on Monday" dates the confirmation, not the layoffs).
    const cue = FUTURE.exec(sentence);
    const at = m.index - from;
    const between = cue ? sentence.slice(Math.min(cue.index + cue[0].length, at), Math.max(cue.index, at)) : "";
    if (cue && !PAST_VERB.test(between) && !/\blast\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) {
      const w = m[1] as Weekday;
      if (!out.includes(w)) out.push(w);
    }
  }
  return out;
}

/**
 * Full dates (with year) that sentences of the body state, e.g. "on December 2, 2021".
 * @example fullDatesIn("The summit on June 16, 2021 in Geneva.") // ["2021-06-16"]
 */
export function fullDatesIn(text: string): string[] {
  const out: string[] = [];
  // chrono over a whole body is slow; only the neighbourhood of each year can hold a full date.
  const years = /\b(?:1[89]|20)\d\d\b/g;
  let lastEnd = -1;
  for (let m = years.exec(text); m; m = years.exec(text)) {
    const from = Math.max(0, m.index - 30, lastEnd);
    const to = Math.min(text.length, m.index + 4);
    lastEnd = to;
    for (const r of chrono.strict.parse(text.slice(from, to), REFERENCE)) {
      if (!r.start.isCertain("year") || !r.start.isCertain("day") || !r.start.isCertain("month")) continue;
      const iso = toIso(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!);
      if (iso && !out.includes(iso)) out.push(iso);
    }
  }
  return out;
}
