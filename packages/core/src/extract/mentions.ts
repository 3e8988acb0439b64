// The swappable first stage of entity extraction: a recognizer that marks name spans and their coarse type.
// `recognizeByRules` is the default; a trained NER with the same signature can replace it
// (`extractEntities(body, { recognize })`) and the role, apposition and coreference stages stay the same.
import {
  COUNTRIES,
  DEMONYMS,
  FEMALE_NAMES,
  HONORIFICS,
  MALE_NAMES,
  NOT_NAMES,
  ORGANIZATIONS,
  ORG_HEADS,
  PLACES,
  PLACE_HEADS,
  TITLES,
} from "./gazetteer.ts";
import { isCap, tokenize, type Token } from "./text.ts";

export type MentionType = "PER" | "ORG" | "LOC" | "MISC";

/** A name span in the text, end exclusive. Persons exclude titles and honorifics ("President [Biden]"). */
export interface MentionSpan {
  start: number;
  end: number;
  type: MentionType;
}

/** Anything that marks names in a text; the trained NER in `ner/` has this shape. */
export type MentionRecognizer = (text: string) => MentionSpan[];

const CONNECTORS = new Set([
  "of",
  "for",
  "and",
  "in",
  "on",
  "the",
  "de",
  "la",
  "van",
  "von",
  "der",
  "al",
  "bin",
  "da",
  "di",
  "du",
  "del",
  "&",
  "to",
]);
// Titles indexed by their first word, longest first, so matching is one map lookup per token.
const TITLE_INDEX = new Map<string, string[][]>();
for (const t of [...TITLES, ...HONORIFICS].map((x) => x.split(" ")).sort((a, b) => b.length - a.length)) {
  const list = TITLE_INDEX.get(t[0]) ?? [];
  list.push(t);
  TITLE_INDEX.set(t[0], list);
}
// Capitalised words that end event or document names ("Cold War", "Iran Deal").
const MISC_HEADS = new Set(
  "War|Day|Act|Plan|Deal|Accord|Accords|Treaty|Games|Cup|Prize|Award|Awards|Summit|Conference|Convention|Olympics|Festival|Agreement|Doctrine|Rule|Law|Bill|Amendment|Initiative|Program|Strategy|Report|Era|Age|Revolution|Crisis|Scandal|Debate|Primary|Caucuses|Election|Speech|Address|Show|Tour|Awakening|Matter|II|I|Years|Year|Month|Week|Weekend|Eve|Street".split(
    "|",
  ),
);
const SUFFIXES = new Set(["Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"]);

const titleCase = (w: string): string => (w.length > 1 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w);

/** Looks a name up in the gazetteer, also in upper-case spelling ("RIGA" → place). */
const gazCache = new Map<string, MentionType | null>();
export function gazetteerType(name: string): MentionType | null {
  const hit = gazCache.get(name);
  if (hit !== undefined) return hit;
  const res = lookupGazetteer(name);
  if (gazCache.size > 50_000) gazCache.clear();
  gazCache.set(name, res);
  return res;
}

function lookupGazetteer(name: string): MentionType | null {
  if (ORGANIZATIONS.has(name)) return "ORG";
  if (COUNTRIES.has(name) || PLACES.has(name)) return "LOC";
  if (DEMONYMS[name]) return "MISC";
  if (name === name.toUpperCase() && /\p{Lu}{3,}/u.test(name)) {
    const tc = name.split(" ").map(titleCase).join(" ");
    if (COUNTRIES.has(tc) || PLACES.has(tc)) return "LOC";
  }
  return null;
}

function matchTitle(toks: Token[], i: number, end: number): number {
  const list = TITLE_INDEX.get(toks[i].text);
  if (!list) return 0;
  for (const t of list) {
    if (i + t.length > end) continue;
    let ok = true;
    for (let k = 0; k < t.length; k++) {
      if (toks[i + k].text !== t[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return t.length;
  }
  return 0;
}

/** Classifies a run of capitalised tokens [a, b) that has no title inside. */
function classify(text: string, toks: Token[], a: number, b: number, afterTitle: boolean): MentionType | null {
  // Leading sentence adverbs ("Certainly Donald Trump") are not part of a name.
  while (
    a < b &&
    (NOT_NAMES.has(toks[a].text) || CONNECTORS.has(toks[a].text) || (b - a > 1 && isAdverb(toks[a].text)))
  )
    a++;
  while (b > a && CONNECTORS.has(toks[b - 1].text)) b--;
  if (a >= b) return null;
  const name = text.slice(toks[a].start, toks[b - 1].end);
  const g = gazetteerType(name);
  if (g) return g;
  const last = toks[b - 1].text;
  const first = toks[a].text;
  if (MISC_HEADS.has(last)) return "MISC";
  if (afterTitle) return "PER";
  if (NOT_NAMES.has(titleCase(first)) && b - a === 1) return null;
  if (ORG_HEADS.has(last)) return "ORG";
  if (PLACE_HEADS.has(last)) return "LOC";
  // "Carnegie Endowment for International Peace", "Gulf of Mexico": the head comes before the connector.
  for (let k = a; k < b && !CONNECTORS.has(toks[k].text); k++) {
    if (ORG_HEADS.has(toks[k].text) && b - a > 1) return "ORG";
    if (PLACE_HEADS.has(toks[k].text) && b - a > 1) return "LOC";
  }
  if (b - a === 1) {
    if (/^\p{Lu}{2,}$/u.test(first) || /^(?:\p{Lu}\.){2,}$/u.test(first)) return "ORG";
    return "MISC";
  }
  if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) return "PER";
  // "Taking Action", "Making America": a Title Case phrase, not a name.
  if (/^\p{Lu}\p{Ll}+ing$/u.test(first) && b - a > 1) return "MISC";
  if (DEMONYMS[first] && (ORG_HEADS.has(last) || ORGANIZATIONS.has(text.slice(toks[a + 1].start, toks[b - 1].end))))
    return "ORG";
  if (b - a <= 4) {
    for (let k = a; k < b; k++) {
      const w = toks[k].text;
      if (CONNECTORS.has(w)) return "MISC";
      if (!isNameWord(w) && !SUFFIXES.has(w)) return "MISC";
      if (DEMONYMS[w] || COUNTRIES.has(w) || PLACES.has(w)) return "MISC";
    }
    return "PER";
  }
  return "MISC";
}

/** "Certainly", "Reportedly": a capitalised sentence adverb. */
const isAdverb = (w: string): boolean => w.endsWith("ly") && /^\p{Lu}\p{Ll}+ly$/u.test(w);

/** A capitalised name word ("Blinken", "O'Neill", "Geun-hye") or an initial ("J."). */
function isNameWord(w: string): boolean {
  if (!isCap(w) || w.length < 2) return false;
  const c = w.charCodeAt(1);
  if (c === 46) return w.length === 2; // "J."
  return (c >= 97 && c <= 122) || c === 39 || c === 0x2019 || c === 45 || (c > 127 && /^\p{Ll}$/u.test(w[1]));
}

function hasNewline(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Tokens separated by spaces only (no punctuation, no line break): they can belong to one name. */
function spacesOnly(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** True when a line looks like a Title Case headline, whose capitals say nothing about names. */
function isHeadline(toks: Token[], a: number, b: number): boolean {
  if (b - a < 5) return false;
  let caps = 0;
  for (let k = a; k < b; k++) if (isCap(toks[k].text)) caps++;
  return caps / (b - a) >= 0.75;
}

/**
 * Rule-based name recognizer: capitalised sequences split at titles and honorifics, typed by a small
 * gazetteer, organisation/place head words ("Ministry", "Sea") and given-name lists.
 *
 * @example
 * recognizeByRules("Secretary of State Antony J. Blinken met NATO officials in Riga.")
 * // → [{start: 19, end: 36, type: "PER"}, {start: 41, end: 45, type: "ORG"}, {start: 59, end: 63, type: "LOC"}]
 */
export function recognizeByRules(text: string): MentionSpan[] {
  const toks = tokenize(text);
  const out: MentionSpan[] = [];
  // Lines: headline-like lines are skipped.
  let lineStart = 0;
  const skip = new Uint8Array(toks.length);
  for (let i = 0; i <= toks.length; i++) {
    if (i === toks.length || (i > lineStart && hasNewline(text, toks[i - 1].end, toks[i].start))) {
      if (isHeadline(toks, lineStart, i)) for (let k = lineStart; k < i; k++) skip[k] = 1;
      lineStart = i;
    }
  }
  let i = 0;
  while (i < toks.length) {
    if (skip[i] || !isCap(toks[i].text)) {
      i++;
      continue;
    }
    // Grow a run of capitalised tokens joined by single spaces (connectors allowed inside).
    let j = i + 1;
    while (j < toks.length && !skip[j]) {
      if (!spacesOnly(text, toks[j - 1].end, toks[j].start)) break;
      const w = toks[j].text;
      if (isCap(w) && !NOT_NAMES.has(w)) {
        j++;
        continue;
      }
      if (
        CONNECTORS.has(w) &&
        j + 1 < toks.length &&
        isCap(toks[j + 1].text) &&
        spacesOnly(text, toks[j].end, toks[j + 1].start)
      ) {
        j++;
        continue;
      }
      break;
    }
    emitRun(text, toks, i, j, out);
    i = j;
  }
  return out;
}

function emitRun(text: string, toks: Token[], a: number, b: number, out: MentionSpan[]): void {
  // Titles and honorifics split the run: [prefix][title][name ...].
  for (let k = a; k < b; k++) {
    const n = matchTitle(toks, k, b);
    if (!n) continue;
    let nameEnd = k + n;
    if (nameEnd >= b || !isCap(toks[nameEnd].text) || CONNECTORS.has(toks[nameEnd].text)) continue;
    while (nameEnd < b && !CONNECTORS.has(toks[nameEnd].text) && (nameEnd === k + n || !DEMONYMS[toks[nameEnd].text]))
      nameEnd++;
    // "Secretary of State Antony Blinken": the prefix ("U.S.", "NATO") is its own mention.
    if (k > a) emitPlain(text, toks, a, k, out);
    const nameStart = k + n;
    // A second title inside ("Former Vice President Joe Biden" is handled by longest match).
    const t = classify(text, toks, nameStart, nameEnd, true);
    if (t) {
      const gz = gazetteerType(text.slice(toks[nameStart].start, toks[nameEnd - 1].end));
      out.push({ start: toks[nameStart].start, end: toks[nameEnd - 1].end, type: gz && gz !== "MISC" ? gz : "PER" });
    }
    if (nameEnd < b) emitRun(text, toks, CONNECTORS.has(toks[nameEnd].text) ? nameEnd + 1 : nameEnd, b, out);
    return;
  }
  emitPlain(text, toks, a, b, out);
}

function emitPlain(text: string, toks: Token[], a: number, b: number, out: MentionSpan[]): void {
  // Keep connectors only for organisation/place names that need them ("Bank of America", "Gulf of Mexico").
  let firstConn = -1;
  for (let k = a; k < b; k++)
    if (CONNECTORS.has(toks[k].text)) {
      firstConn = k;
      break;
    }
  const hasConnector = firstConn >= 0;
  if (hasConnector) {
    let head = false;
    for (let k = a; k < firstConn; k++) if (ORG_HEADS.has(toks[k].text) || PLACE_HEADS.has(toks[k].text)) head = true;
    const whole = gazetteerType(text.slice(toks[a].start, toks[b - 1].end));
    if (!head && !whole) {
      let s = a;
      for (let k = a; k <= b; k++) {
        if (k === b || CONNECTORS.has(toks[k].text)) {
          if (k > s) emitPlain(text, toks, s, k, out);
          s = k + 1;
        }
      }
      return;
    }
  }
  while (
    a < b &&
    (NOT_NAMES.has(toks[a].text) || CONNECTORS.has(toks[a].text) || (b - a > 1 && isAdverb(toks[a].text)))
  )
    a++;
  while (b > a && (CONNECTORS.has(toks[b - 1].text) || NOT_NAMES.has(toks[b - 1].text))) b--;
  if (a >= b) return;
  // A run that mixes a known place with more words ("Ukraine Russia") is split into single tokens.
  // "Rival Hillary Clinton" at the start of a sentence: the given name is the second word.
  if (
    b - a > 2 &&
    !MALE_NAMES.has(toks[a].text) &&
    !FEMALE_NAMES.has(toks[a].text) &&
    (MALE_NAMES.has(toks[a + 1].text) || FEMALE_NAMES.has(toks[a + 1].text)) &&
    !gazetteerType(toks[a].text)
  )
    a++;
  const type = classify(text, toks, a, b, false);
  if (!type) return;
  if (type === "MISC" && b - a > 1 && !hasConnector) {
    // e.g. "Russian Foreign" or "Biden Putin": try each token alone.
    let allKnown = true;
    for (let k = a; k < b; k++) if (!gazetteerType(toks[k].text)) allKnown = false;
    if (allKnown) {
      for (let k = a; k < b; k++) emitPlain(text, toks, k, k + 1, out);
      return;
    }
    // "Lavrov American", "Ukraine Russia": split around the gazetteer words.
    let s = a;
    let split = false;
    for (let k = a; k < b; k++) {
      if (gazetteerType(toks[k].text)) {
        split = true;
        if (k > s) emitPlain(text, toks, s, k, out);
        emitPlain(text, toks, k, k + 1, out);
        s = k + 1;
      }
    }
    if (split) {
      if (b > s) emitPlain(text, toks, s, b, out);
      return;
    }
  }
  out.push({ start: toks[a].start, end: toks[b - 1].end, type });
}
