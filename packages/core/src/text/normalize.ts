// Unicode clean-up shared by the cleaners and the extractors. Everything here is pure and
// runs in the browser. `foldQuotes` is length-preserving so offsets computed on the folded
// text are valid offsets into the original.

// Spaces that scrapers leave behind: NBSP, the typographic spaces, narrow NBSP, ideographic space.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;
// Invisible characters that only break word matching: zero-width (non-)joiners, BOM, soft hyphen.
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACE_RUNS = / {2,}/g;
const NEEDS_NORMALIZE =
  /[\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\t\v\f\u2060\ufeff\u00ad\r\u2028\u2029\u0085]| {2}| \n/;

/**
 * Normalizes scraped text: NFC, one kind of line break, plain spaces instead of NBSP and
 * friends, no invisible characters, no runs of spaces, no trailing spaces on a line.
 * Curly quotes are kept (extractors match either kind; see `foldQuotes`).
 * @example normalizeText("Talks.\u00a0\u00a0\r\nNext") // "Talks.\nNext"
 */
export function normalizeText(text: string): string {
  let s = text.normalize("NFC");
  if (!NEEDS_NORMALIZE.test(s) && !s.endsWith(" ")) return s;
  s = s.replace(LINE_BREAKS, "\n").replace(INVISIBLES, "").replace(ODD_SPACES, " ").replace(SPACE_RUNS, " ");
  return s.replace(/ +\n/g, "\n").replace(/\n +/g, "\n").replace(/ +$/, "");
}

const QUOTE_MAP: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u0060": "'",
  "\u00b4": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u00ab": '"',
  "\u00bb": '"',
};
const CURLY = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;

/**
 * Replaces curly/typographic quotes and apostrophes by straight ones, one character for one,
 * so offsets stay valid.
 * @example foldQuotes("Russia\u2019s \u201ccritical\u201d") // "Russia's \"critical\""
 */
export function foldQuotes(text: string): string {
  return text.replace(CURLY, (c) => QUOTE_MAP[c] ?? c);
}

const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * A key for comparing lines and titles loosely: folded quotes and dashes, lower case,
 * white space collapsed, trimmed.
 * @example matchKey("  Blinken\u2019s  WARNING ") // "blinken's warning"
 */
export function matchKey(text: string): string {
  return foldQuotes(text).replace(DASHES, "-").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Counts words the cheap way (runs of non-space characters), for structural heuristics.
 * @example wordCount("Back to top button") // 4
 */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Title-cases a name printed in capitals ("HUMEYRA PAMUK" -> "Humeyra Pamuk"); leaves mixed case alone.
 * @example fixAllCapsName("JOHN O'NEIL") // "John O'Neil"
 */
export function fixAllCapsName(name: string): string {
  if (!/[A-Z]{2}/.test(name) || /[a-z]/.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’\-.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
