import type { Article } from "../schema/article.ts";

/**
 * Sparse features of one article for event clustering. Keys are namespaced so each kind of
 * evidence can be weighted on its own:
 *   w:<stem>  content word         n:<name>   proper-name token      nn:<a_b> name bigram
 *   y:<year>  year                 #:<num>    other number (counts, ages, magnitudes, ordinals)
 */
export type FeatureBag = Map<string, number>;

const STOP = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can " +
    "could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in " +
    "into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same " +
    "she should so some such than that the their theirs them themselves then there these they this those through to too under until up " +
    "very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say told " +
    "according one two three four five six seven eight nine ten first second new last year years day days week weeks month months time " +
    "people man woman men women may might must get got like well back since still even many much made make around another across upon " +
    "news report reported reports officials official yesterday today tonight tomorrow mr mrs ms dr ap reuters update updated posted read " +
    "comments comment share email print photo image video copyright rights reserved"
  ).split(" "),
);

const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const MONTHS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
/** Capitalised words that are titles or function words, not names, even mid-sentence. */
const NOT_NAMES = new Set([
  "i", "the", "a", "an", "mr", "mrs", "ms", "dr", "sir", "president", "minister", "secretary", "police", "officials", "official", "said",
  "first", "published", "updated", "posted", "am", "pm", "edt", "est", "gmt", "bst", "pdt", "pst", "cdt", "cst", "utc", "ist", "st",
]);

/** Weight of a token by where it stands. Chosen on the ECB+ dev topics. */
export const POSITION_WEIGHTS = { title: 3, lead: 2, leadSentences: 1 };

/** Crude suffix stripping: enough to make "arrested"/"arrests"/"arrest" one feature. */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return w;
}

const TOKEN = /[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]|\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?/g;

interface Tok {
  raw: string;
  lower: string;
  sentenceStart: boolean;
  /** Start of a new "run" (a gap other than a single space between this token and the previous one). */
  joined: boolean;
}

/** True when a gap between tokens ends a sentence: /[.!?:"“”\n]\s*$/ or a lone dash (/^\s*[-–—]\s*$/). */
function gapStartsSentence(gap: string): boolean {
  // Almost every gap is one space or none; the regexes are only worth running on the rest.
  if (gap === " " || gap === "") return false;
  return /[.!?:"“”\n]\s*$/.test(gap) || /^\s*[-–—]\s*$/.test(gap);
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  const re = new RegExp(TOKEN);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    let raw = word.includes("’") ? word.replace(/’/g, "'") : word;
    if (raw.endsWith("'s")) raw = raw.slice(0, -2);
    if (raw.endsWith(".")) raw = raw.slice(0, -1);
    const gap = text.slice(prevEnd, m.index);
    const sentenceStart = out.length === 0 || gapStartsSentence(gap);
    out.push({ raw, lower: raw.toLowerCase(), sentenceStart, joined: (gap === "" || gap === " ") && !sentenceStart });
    prevEnd = m.index + word.length;
  }
  return out;
}

/** /^[A-Z]/ and, past four characters, some character that is not [A-Z\d\W] (a lower-case letter or "_"). */
function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  if (s.length <= 4) return true;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if ((d >= 97 && d <= 122) || d === 95) return true;
  }
  return false;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** What a lower-cased token can contribute, the same wherever it stands. */
interface WordInfo {
  /** Too short, a stopword, a weekday or a month: no feature, and it breaks a run of names. */
  skip: boolean;
  /** May be a name when capitalised (not a title or function word). */
  nameable: boolean;
  /** The word without apostrophes and dots ("u.s" -> "us"), as name runs join it. */
  bare: string;
  nameKey: string;
  /** The "w:" key when it is not a name, or null for words under three letters. */
  wordKey: string | null;
}

/**
 * Memoised (bounded): a batch repeats the same words, and one lookup per token replaces five set
 * lookups and the building and hashing of a new key string. A pure function of the word.
 */
const WORDS = new Map<string, WordInfo>();
function wordInfo(lower: string): WordInfo {
  let info = WORDS.get(lower);
  if (info === undefined) {
    if (WORDS.size >= 100_000) WORDS.clear();
    const bare = lower.includes("'") || lower.includes(".") ? lower.replace(/['.]/g, "") : lower;
    info = {
      skip: bare.length < 2 || STOP.has(bare) || WEEKDAYS.has(bare) || MONTHS.has(bare),
      nameable: !NOT_NAMES.has(bare),
      bare,
      nameKey: `n:${bare}`,
      wordKey: bare.length >= 3 ? `w:${stem(bare)}` : null,
    };
    WORDS.set(lower, info);
  }
  return info;
}

/**
 * Extracts the event-clustering features of one text. Names are detected without the NER
 * (capitalised tokens not at a sentence start, or at a sentence start when the word never occurs
 * in lower case in the same text), so the features work on raw benchmark text as well as on
 * analyzed articles; `extraNames` adds entity names the extractors found.
 * @example eventFeatures("Jackman to host Oscars", "Hugh Jackman will host the 81st Academy Awards.").has("#:81st") // true
 */
export function eventFeatures(title: string | null, body: string, extraNames: string[] = []): FeatureBag {
  const bag: FeatureBag = new Map();
  const add = (k: string, v = 1) => bag.set(k, (bag.get(k) ?? 0) + v);
  const titleText = title ?? "";
  const titleUpper = titleText.length > 0 && titleText === titleText.toUpperCase();
  const all = tokens(`${titleUpper ? titleText.toLowerCase() : titleText}\n${body}`);
  const titleCount = titleText ? tokens(titleText).length : 0;
  const lowerSeen = new Set<string>();
  for (const t of all) if (isLowerAscii(t.raw.charCodeAt(0))) lowerSeen.add(t.lower);

  let prevName: string | null = null;
  let sentences = 0;
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (i >= titleCount && t.sentenceStart) sentences++;
    // Headlines and leads state the event most densely; later paragraphs drift to background
    // (an earlier, similar incident is typically mentioned further down).
    const w = i < titleCount ? POSITION_WEIGHTS.title : sentences <= POSITION_WEIGHTS.leadSentences ? POSITION_WEIGHTS.lead : 1;
    if (isDigit(t.raw.charCodeAt(0))) {
      prevName = null;
      const num = t.raw.includes(",") ? t.raw.replace(/,/g, "") : t.raw;
      const v = Number.parseFloat(num);
      if (/^(1[89]|20)\d\d$/.test(num)) add(`y:${num}`, w);
      else if (/(st|nd|rd|th)$/.test(num) || v >= 11 || num.includes(".")) add(`#:${num}`, w);
      continue;
    }
    const info = wordInfo(t.lower);
    if (info.skip) {
      prevName = null;
      continue;
    }
    // A capitalised word that the same text also uses in lower case is a headline or sentence-start
    // capital ("Arrested", "Police"), not a name.
    const name = info.nameable && isCap(t.raw) && !lowerSeen.has(t.lower);
    if (name) {
      add(info.nameKey, w);
      if (prevName && t.joined) add(`nn:${prevName}_${info.bare}`, w);
      prevName = info.bare;
    } else {
      prevName = null;
      if (info.wordKey) add(info.wordKey, w);
    }
  }
  // Entity names only fill gaps (a name the capitalisation rule missed); counting a name twice
  // would tilt the weights depending on whether the extractors ran.
  for (const n of extraNames) {
    const parts = n.toLowerCase().split(/\s+/).map((p) => p.replace(/[^a-z\-]/g, "")).filter((p) => p.length > 1 && !NOT_NAMES.has(p));
    for (const p of parts) if (!bag.has(`n:${p}`)) add(`n:${p}`);
  }
  return bag;
}

/** The text features of an analyzed article (title, body and the names its entities carry). */
export function articleEventFeatures(a: Article): FeatureBag {
  const names = a.entities.filter((e) => e.type !== "organization" || e.name.split(/\s+/).length <= 3).map((e) => e.name);
  return eventFeatures(a.title, a.body, names);
}
