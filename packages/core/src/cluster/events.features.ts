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

/**
 * A feature key, interned: a bag being built finds its slot for the key on the key itself (`epoch`
 * names the bag), so counting a token costs no hash lookup.
 */
interface Key {
  key: string;
  epoch: number;
  slot: number;
}

/** What a lower-cased token can contribute, the same wherever it stands. */
interface WordInfo {
  /** Too short, a stopword, a weekday or a month: no feature, and it breaks a run of names. */
  skip: boolean;
  /** May be a name when capitalised (not a title or function word). */
  nameable: boolean;
  /** The word without apostrophes and dots ("u.s" -> "us"), as name runs join it. */
  bare: string;
  name: Key;
  /** The "w:" key when it is not a name, or null for words under three letters. */
  word: Key | null;
  /** The bag (epoch) whose text uses this word in lower case. */
  seenIn: number;
}

// Memoised, as a batch repeats the same words: one lookup per token replaces five set lookups and
// building and hashing a new key string. Pure functions of the word; bounded, and only ever cleared
// between two bags, so that one bag never sees two Key objects for one key.
const KEYS = new Map<string, Key>();
const WORDS = new Map<string, WordInfo>();
const MAX_MEMO = 200_000;
let epoch = 0;

function keyOf(key: string): Key {
  let k = KEYS.get(key);
  if (k === undefined) KEYS.set(key, (k = { key, epoch: 0, slot: 0 }));
  return k;
}

function wordInfo(lower: string): WordInfo {
  let info = WORDS.get(lower);
  if (info === undefined) {
    const bare = lower.includes("'") || lower.includes(".") ? lower.replace(/['.]/g, "") : lower;
    info = {
      skip: bare.length < 2 || STOP.has(bare) || WEEKDAYS.has(bare) || MONTHS.has(bare),
      nameable: !NOT_NAMES.has(bare),
      bare,
      name: keyOf(`n:${bare}`),
      word: bare.length >= 3 ? keyOf(`w:${stem(bare)}`) : null,
      seenIn: 0,
    };
    WORDS.set(lower, info);
  }
  return info;
}

/** Event features as parallel lists in first-seen order (a FeatureBag's iteration order). */
export interface FeatureList {
  keys: string[];
  counts: number[];
}

/** A bag under construction: counts land in the slot its Key records for this bag's epoch. */
class BagBuilder {
  readonly epoch = ++epoch;
  readonly keys: string[] = [];
  readonly counts: number[] = [];
  add(k: Key, v: number): void {
    if (k.epoch === this.epoch) this.counts[k.slot] += v;
    else {
      k.epoch = this.epoch;
      k.slot = this.keys.length;
      this.keys.push(k.key);
      this.counts.push(v);
    }
  }
  has(k: Key): boolean {
    return k.epoch === this.epoch;
  }
}

/** True when a gap between tokens ends a sentence: /[.!?:"“”\n]\s*$/ or a lone dash (/^\s*[-–—]\s*$/). */
function gapStartsSentence(gap: string): boolean {
  // Almost every gap is one space or none; the regexes are only worth running on the rest.
  if (gap === " " || gap === "") return false;
  return /[.!?:"“”\n]\s*$/.test(gap) || /^\s*[-–—]\s*$/.test(gap);
}

/** Tokens as parallel lists: the token ("U.S" without its last dot and "'s"), its word, and gap flags. */
interface Tokens {
  raw: string[];
  /** The word of a token that starts with a letter; null for numbers. */
  info: (WordInfo | null)[];
  sentenceStart: boolean[];
  /** Joined to the previous token by a single space or nothing, within a sentence (name runs). */
  joined: boolean[];
}

/** Reads the tokens of a text, marking the words it uses in lower case as seen in bag `seenIn`. */
function tokens(text: string, seenIn: number): Tokens {
  const out: Tokens = { raw: [], info: [], sentenceStart: [], joined: [] };
  let prevEnd = 0;
  const re = new RegExp(TOKEN);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    let raw = word.includes("’") ? word.replace(/’/g, "'") : word;
    if (raw.endsWith("'s")) raw = raw.slice(0, -2);
    if (raw.endsWith(".")) raw = raw.slice(0, -1);
    const gap = text.slice(prevEnd, m.index);
    const sentenceStart = out.raw.length === 0 || gapStartsSentence(gap);
    const c = raw.charCodeAt(0);
    let info: WordInfo | null = null;
    if (!isDigit(c)) {
      info = wordInfo(raw.toLowerCase());
      if (isLowerAscii(c)) info.seenIn = seenIn;
    }
    out.raw.push(raw);
    out.info.push(info);
    out.sentenceStart.push(sentenceStart);
    out.joined.push((gap === "" || gap === " ") && !sentenceStart);
    prevEnd = m.index + word.length;
  }
  return out;
}

/** The number of tokens in a text (TOKEN matches). */
function countTokens(text: string): number {
  let n = 0;
  const re = new RegExp(TOKEN);
  while (re.exec(text)) n++;
  return n;
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

/**
 * `eventFeatures` as parallel lists, the form clustering consumes: no Map per article, and its
 * keys are shared strings.
 */
export function eventFeatureList(title: string | null, body: string, extraNames: string[] = []): FeatureList {
  if (KEYS.size >= MAX_MEMO || WORDS.size >= MAX_MEMO) {
    KEYS.clear();
    WORDS.clear();
  }
  const bag = new BagBuilder();
  const titleText = title ?? "";
  const titleUpper = titleText.length > 0 && titleText === titleText.toUpperCase();
  const all = tokens(`${titleUpper ? titleText.toLowerCase() : titleText}\n${body}`, bag.epoch);
  const titleCount = titleText ? countTokens(titleText) : 0;

  let prevName: string | null = null;
  let sentences = 0;
  for (let i = 0; i < all.raw.length; i++) {
    const raw = all.raw[i];
    if (i >= titleCount && all.sentenceStart[i]) sentences++;
    // Headlines and leads state the event most densely; later paragraphs drift to background
    // (an earlier, similar incident is typically mentioned further down).
    const w = i < titleCount ? POSITION_WEIGHTS.title : sentences <= POSITION_WEIGHTS.leadSentences ? POSITION_WEIGHTS.lead : 1;
    const info = all.info[i];
    if (info === null) {
      prevName = null;
      const num = raw.includes(",") ? raw.replace(/,/g, "") : raw;
      const v = Number.parseFloat(num);
      if (/^(1[89]|20)\d\d$/.test(num)) bag.add(keyOf(`y:${num}`), w);
      else if (/(st|nd|rd|th)$/.test(num) || v >= 11 || num.includes(".")) bag.add(keyOf(`#:${num}`), w);
      continue;
    }
    if (info.skip) {
      prevName = null;
      continue;
    }
    // A capitalised word that the same text also uses in lower case is a headline or sentence-start
    // capital ("Arrested", "Police"), not a name.
    const name = info.nameable && isCap(raw) && info.seenIn !== bag.epoch;
    if (name) {
      bag.add(info.name, w);
      if (prevName && all.joined[i]) bag.add(keyOf(`nn:${prevName}_${info.bare}`), w);
      prevName = info.bare;
    } else {
      prevName = null;
      if (info.word) bag.add(info.word, w);
    }
  }
  // Entity names only fill gaps (a name the capitalisation rule missed); counting a name twice
  // would tilt the weights depending on whether the extractors ran.
  for (const n of extraNames) {
    const parts = n.toLowerCase().split(/\s+/).map((p) => p.replace(/[^a-z\-]/g, "")).filter((p) => p.length > 1 && !NOT_NAMES.has(p));
    for (const p of parts) {
      const k = keyOf(`n:${p}`);
      if (!bag.has(k)) bag.add(k, 1);
    }
  }
  return { keys: bag.keys, counts: bag.counts };
}

/**
 * Extracts the event-clustering features of one text. Names are detected without the NER
 * (capitalised tokens not at a sentence start, or at a sentence start when the word never occurs
 * in lower case in the same text), so the features work on raw benchmark text as well as on
 * analyzed articles; `extraNames` adds entity names the extractors found.
 * @example eventFeatures("Jackman to host Oscars", "Hugh Jackman will host the 81st Academy Awards.").has("#:81st") // true
 */
export function eventFeatures(title: string | null, body: string, extraNames: string[] = []): FeatureBag {
  const { keys, counts } = eventFeatureList(title, body, extraNames);
  return new Map(keys.map((k, i) => [k, counts[i]]));
}

/** The names of an article's entities that count as features (long organization names do not). */
function featureNames(a: Article): string[] {
  return a.entities.filter((e) => e.type !== "organization" || e.name.split(/\s+/).length <= 3).map((e) => e.name);
}

/** The text features of an analyzed article (title, body and the names its entities carry). */
export function articleEventFeatures(a: Article): FeatureBag {
  return eventFeatures(a.title, a.body, featureNames(a));
}

/** `articleEventFeatures` as parallel lists. */
export function articleEventFeatureList(a: Article): FeatureList {
  return eventFeatureList(a.title, a.body, featureNames(a));
}
