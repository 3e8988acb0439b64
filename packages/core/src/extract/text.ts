// Low-level text helpers shared by the entity, quote and number extractors: word tokens with offsets and
// sentence boundaries. Kept allocation-light because analyze must handle hundreds of articles a second.

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their period and do not end a sentence. */
export const ABBREVIATIONS = new Set(
  (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Cmdr|Gov|Pres|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|No|" +
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|vs|Vol|Gov|Atty|Supt|Ave|Blvd|Dept|Univ|approx|est"
  ).split("|"),
);

// Words, with inner apostrophes/hyphens/ampersands/periods/commas ("O'Neill", "100,000"); dotted acronyms
// ("U.S.") as one token. Letters are Latin, Latin-1/Extended, Greek and Cyrillic.

let lastText: string | null = null;
let lastTokens: Token[] = [];

/**
 * Splits text into word tokens. A period is kept on abbreviations and initials ("Mr.", "J."), and a
 * possessive "'s" is split off so "Russia's" yields "Russia". The returned array is shared: do not mutate it.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  // Entities and quotes tokenise the same body one after the other: keep the last whole-text result.
  const whole = from === 0 && to === text.length;
  if (whole && text === lastText) return lastTokens;
  const out: Token[] = [];
  // A hand-written scanner (same tokens as the WORD regex): the regex was a tenth of analyze's time.
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c) && c !== 36) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
      const p = text.charCodeAt(i);
      if (
        (p === 45 || p === 39 || p === 0x2019 || p === 38 || p === 46 || p === 44) &&
        i + 1 < text.length &&
        isWordChar(text.charCodeAt(i + 1))
      ) {
        i += 2;
        continue;
      }
      break;
    }
    let end = i;
    if (end > to) break;
    let t = text.slice(start, end);
    // Dotted acronyms ("U.S.", "e.g.") keep their final period.
    if (text.charCodeAt(end) === 46 && isDottedAcronym(t)) {
      t += ".";
      end += 1;
      i = end;
    }
    const lastCode = t.charCodeAt(t.length - 1);
    const prevCode = t.length > 2 ? t.charCodeAt(t.length - 2) : 0;
    // "Russia’s" → "Russia".
    if ((lastCode === 115 || lastCode === 83) && (prevCode === 39 || prevCode === 0x2019)) {
      t = t.slice(0, -2);
      end -= 2;
    } else if (lastCode === 39 || lastCode === 0x2019) {
      t = t.slice(0, -1);
      end -= 1;
    }
    // Abbreviations and initials keep their period ("Mr.", "J."); "100,000." does not.
    if (text.charCodeAt(end) === 46 && t.charCodeAt(t.length - 1) !== 46) {
      if ((t.length === 1 && isCap(t)) || ABBREVIATIONS.has(t)) {
        t += ".";
        end += 1;
        i = Math.max(i, end);
      }
    }
    out.push({ text: t, start, end });
  }
  if (whole) {
    lastText = text;
    lastTokens = out;
  }
  return out;
}

/** Letters (Latin, Latin-1/Extended, Greek, Cyrillic) and digits. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x4ff)
  );
}

/** "U.S", "e.g": single letters joined by periods. */
function isDottedAcronym(t: string): boolean {
  if (t.length < 3 || t.length % 2 === 0) return false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (k % 2 === 1 ? c !== 46 : !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f)))
      return false;
  }
  return true;
}

/** True when the word starts with an upper-case letter. */
export const isCap = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
};

const SENTENCE_END = /[.!?]+["”’)\]]*(?=\s)|\n+/g;

/**
 * Offsets where sentences start (always including 0). A period after an abbreviation or an initial does
 * not end a sentence, nor does one followed by a lower-case word.
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    const endPunct = m.index + m[0].length;
    let next = endPunct;
    while (next < text.length && isSpaceAt(text, next)) next++;
    if (next >= text.length) break;
    if (m[0][0] !== "\n") {
      if (!opensSentenceAt(text, next)) continue;
      if (m[0][0] === ".") {
        // word before the period
        let i = m.index - 1;
        while (i >= 0 && isLetterOrDotAt(text, i)) i--;
        const word = text.slice(i + 1, m.index);
        if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
          // "U.S. officials" keeps going; "U.S. The" could be a boundary, but a wrong split costs more.
          if (
            !/^(?:\p{L}\.)+\p{L}$/u.test(word) ||
            !/^(?:The|But|He|She|It|They|In|On|A)\b/.test(text.slice(next, next + 5))
          )
            continue;
        }
      }
    }
    if (starts[starts.length - 1] !== next) starts.push(next);
  }
  return starts;
}

// Per-character tests of sentenceStarts: ASCII by code range, the rest by the Unicode regexes they replace
// (a Unicode-property regex per character was most of sentenceStarts' time).
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]);
}

function opensSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91;
  return /[\p{Lu}\p{N}"“‘'([]/u.test(text[i]);
}

function isLetterOrDotAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;
  return /[\p{L}.]/u.test(text[i]);
}

/** Index of the last element of a sorted array that is <= x (or -1). */
export function floorIndex(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Folds curly quotes/apostrophes and white space, for comparisons. */
export function foldText(s: string): string {
  return s
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
