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
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);
/** Capitalised words that are titles or function words, not names, even mid-sentence. */
const NOT_NAMES = new Set([
  "i",
  "the",
  "a",
  "an",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "president",
  "minister",
  "secretary",
  "police",
  "officials",
  "official",
  "said",
  "first",
  "published",
  "updated",
  "posted",
  "am",
  "pm",
  "edt",
  "est",
  "gmt",
  "bst",
  "pdt",
  "pst",
  "cdt",
  "cst",
  "utc",
  "ist",
  "st",
]);

/** Weight of a token by where it stands. Chosen on the ECB+ dev topics. */
export const POSITION_WEIGHTS = { title: 3, lead: 2, leadSentences: 1 };

/** Crude suffix stripping: enough to make "arrested"/"arrests"/"arrest" one feature. */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return w;
}

const TOKEN = /[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?/g;

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
  /** The lower-case token it was made for. */
  lower: string;
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
const MAX_MEMO = 100_000;
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
      lower,
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

/** Tokens as parallel lists: their word, capitalisation, gap flags, and the text of numbers. */
interface Tokens {
  /** The text of a number token; "" for words. */
  raw: string[];
  /** The word of a token that starts with a letter; null for numbers. */
  info: (WordInfo | null)[];
  /** The token (without "'s" and a last dot) is capitalised as a name is (see isCap). */
  cap: boolean[];
  sentenceStart: boolean[];
  /** Joined to the previous token by a single space or nothing, within a sentence (name runs). */
  joined: boolean[];
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** [A-Za-z'’.\-]: what may stand inside a word token. */
const isWordChar = (c: number) => isLetter(c) || c === 39 || c === 0x2019 || c === 46 || c === 45;
/** A word character as the word's lower-case key has it (’ as '). */
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c);

/**
 * Words by a hash of their lower-case characters, chained: a token's word is found from the text
 * itself, without cutting, lower-casing and hashing a new string for every token. Cleared with WORDS.
 */
const WORDS_BY_HASH = new Map<number, WordInfo[]>();

function wordAt(text: string, start: number, end: number): WordInfo {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ lowerCode(text.charCodeAt(k)), 16777619);
  // 30 bits: a small integer key (a full 32-bit one would be a boxed number in the Map).
  const chain = WORDS_BY_HASH.get(h & 0x3fffffff);
  if (chain)
    for (const info of chain) {
      const w = info.lower;
      if (w.length !== end - start) continue;
      let same = true;
      for (let k = 0; same && k < w.length; k++) same = w.charCodeAt(k) === lowerCode(text.charCodeAt(start + k));
      if (same) return info;
    }
  const info = wordInfo(text.slice(start, end).replace(/’/g, "'").toLowerCase());
  if (chain) chain.push(info);
  else WORDS_BY_HASH.set(h & 0x3fffffff, [info]);
  return info;
}

/**
 * Reads the tokens of a text (the matches of TOKEN, scanned by hand: the same leftmost, greedy
 * matches), marking the words it uses in lower case as seen in bag `seenIn`.
 */
function tokens(text: string, seenIn: number): Tokens {
  const out: Tokens = { raw: [], info: [], cap: [], sentenceStart: [], joined: [] };
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end: number;
    let raw = "";
    let info: WordInfo | null = null;
    let cap = false;
    if (isLetter(c)) {
      // [A-Za-z][A-Za-z'’.\-]*[A-Za-z] backtracks to the last letter of the run; |[A-Za-z] alone.
      let last = i;
      for (let j = i + 1; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!isWordChar(d)) break;
        if (isLetter(d)) last = j;
      }
      end = last + 1;
      // The token without a possessive "'s" (’ counts as '), then without one last dot.
      let rawEnd = end;
      if (rawEnd - i >= 2 && text.charCodeAt(rawEnd - 1) === 115) {
        const q = text.charCodeAt(rawEnd - 2);
        if (q === 39 || q === 0x2019) rawEnd -= 2;
      }
      if (rawEnd > i && text.charCodeAt(rawEnd - 1) === 46) rawEnd--;
      info = wordAt(text, i, rawEnd);
      if (c >= 97) info.seenIn = seenIn;
      // isCap: /^[A-Z]/, and past four characters some lower-case letter (or "_") after the first.
      if (c <= 90) {
        cap = rawEnd - i <= 4;
        for (let k = i + 1; !cap && k < rawEnd; k++) {
          const d = text.charCodeAt(k);
          cap = (d >= 97 && d <= 122) || d === 95;
        }
      }
    } else if (isDigit(c)) {
      // \d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?
      let j = i + 1;
      while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 44)) j++;
      if (j + 1 < n && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      if (j + 2 <= n) {
        const suffix = text.slice(j, j + 2);
        if (suffix === "st" || suffix === "nd" || suffix === "rd" || suffix === "th") j += 2;
      }
      end = j;
      raw = text.slice(i, end);
    } else {
      i++;
      continue;
    }
    const gapLength = i - prevEnd;
    const plain = gapLength === 0 || (gapLength === 1 && text.charCodeAt(prevEnd) === 32);
    const sentenceStart = out.info.length === 0 || (!plain && gapStartsSentence(text.slice(prevEnd, i)));
    out.raw.push(raw);
    out.info.push(info);
    out.cap.push(cap);
    out.sentenceStart.push(sentenceStart);
    out.joined.push(plain && !sentenceStart);
    prevEnd = end;
    i = end;
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

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * `eventFeatures` as parallel lists, the form clustering consumes: no Map per article, and its
 * keys are shared strings.
 */
export function eventFeatureList(title: string | null, body: string, extraNames: string[] = []): FeatureList {
  if (KEYS.size >= MAX_MEMO || WORDS.size >= MAX_MEMO) {
    KEYS.clear();
    WORDS.clear();
    WORDS_BY_HASH.clear();
  }
  const bag = new BagBuilder();
  const titleText = title ?? "";
  const titleUpper = titleText.length > 0 && titleText === titleText.toUpperCase();
  const all = tokens(`${titleUpper ? titleText.toLowerCase() : titleText}\n${body}`, bag.epoch);
  const titleCount = titleText ? countTokens(titleText) : 0;

  let prevName: string | null = null;
  let sentences = 0;
  for (let i = 0; i < all.info.length; i++) {
    if (i >= titleCount && all.sentenceStart[i]) sentences++;
    // Headlines and leads state the event most densely; later paragraphs drift to background
    // (an earlier, similar incident is typically mentioned further down).
    const w =
      i < titleCount ? POSITION_WEIGHTS.title : sentences <= POSITION_WEIGHTS.leadSentences ? POSITION_WEIGHTS.lead : 1;
    const info = all.info[i];
    if (info === null) {
      prevName = null;
      const raw = all.raw[i];
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
    const name = info.nameable && all.cap[i] && info.seenIn !== bag.epoch;
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
    const parts = n
      .toLowerCase()
      .split(/\s+/)
      .map((p) => p.replace(/[^a-z-]/g, ""))
      .filter((p) => p.length > 1 && !NOT_NAMES.has(p));
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
