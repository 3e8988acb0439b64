// Tokenizer for real news text, producing tokens shaped like the Reuters/CoNLL training data
// ("Russia's" → "Russia" "'s", "U.S." and "J." kept whole, hyphenated names kept whole) with
// character offsets into the original text, plus a sentence splitter.

export interface Token {
  /** The token as it appears in the text (text.slice(start, end)). */
  text: string;
  start: number;
  end: number;
}

// Abbreviations whose period belongs to the word (lowercased, without the period).
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr rev hon pres supt insp det " +
    "inc corp co ltd llc plc bros no nos vs etc al approx dept est fig univ mt ft ave blvd rd " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la mass md mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo " +
    "a.m p.m u.s u.k u.n e.u d.c"
  ).split(" "),
);

const WORD = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const CLITIC = /^(?:['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)|n['’]t|N['’]T)$/;

// ASCII answered by code range: a Unicode-property regex per character was most of the tokenizer's time.
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD.test(ch);
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(ch);
}

/**
 * Splits text into tokens with offsets; `text.slice(t.start, t.end) === t.text` always holds.
 *
 * @example
 * tokenize("Russia’s Antony J. Blinken").map((t) => t.text) // → ["Russia", "’s", "Antony", "J.", "Blinken"]
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  const emit = (s: number, e: number) => out.push({ text: text.slice(s, e), start: s, end: e });
  while (i < n) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === "h" && /^https?:\/\/\S+/.test(text.slice(i, i + 2048))) {
      const m = /^https?:\/\/\S*[\w/]/.exec(text.slice(i, i + 2048))!;
      emit(i, i + m[0].length);
      i += m[0].length;
      continue;
    }
    if (isWordChar(ch)) {
      // A word: letters/digits joined by internal hyphens, apostrophes, periods (U.S., 3.5) and
      // commas between digits (1,000).
      let j = i + 1;
      for (;;) {
        while (j < n && isWordChar(text[j])) j++;
        const c = text[j];
        const next = text[j + 1];
        if ((c === "-" || c === "'" || c === "’" || c === "&") && isWordChar(next) && c !== "&") {
          j += 2;
          continue;
        }
        if (
          (c === "," || c === "." || c === ":" || c === "/") &&
          /\d/.test(text[j - 1]) &&
          next !== undefined &&
          /\d/.test(next)
        ) {
          j += 2;
          continue;
        }
        break;
      }
      let word = text.slice(i, j);
      // Acronyms and initials: "U.S.", "J.", "p.m." keep their periods.
      if (text[j] === ".") {
        const dotted =
          /^(?:\p{L}\.)*\p{L}$/u.test(`${word}`) && text[j + 1] !== undefined && /\p{L}/u.test(text[j + 1]);
        if (dotted) {
          let k = j;
          while (k + 1 < n && /\p{L}/u.test(text[k + 1]) && text[k + 2] === ".") k += 2;
          if (k > j) {
            j = k + 1;
            word = text.slice(i, j);
          }
        }
        const bare = word.toLowerCase().replace(/\.$/, "");
        const initial = /^\p{Lu}$/u.test(word);
        if (word.includes(".") && !word.endsWith(".")) {
          // "U.S" followed by "." → "U.S."
          j++;
        } else if (!word.includes(".") && (initial || ABBREVIATIONS.has(bare))) {
          // "No." is an abbreviation only before a number ("No. 10"); otherwise it is the word "no".
          const numberAbbrev = bare === "no" || bare === "nos";
          if (!numberAbbrev || /^\s*\d/.test(text.slice(j + 1, j + 4))) j++;
        }
        word = text.slice(i, j);
      }
      // Split clitics off the end: "Russia's" → "Russia" "'s", "don't" → "do" "n't".
      const m = /(?:['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)|n['’]t|N['’]T)$/.exec(word);
      if (m && m.index > 0 && CLITIC.test(m[0])) {
        emit(i, i + m.index);
        emit(i + m.index, j);
      } else emit(i, j);
      i = j;
      continue;
    }
    // Runs of the same punctuation stay together ("...", "--"); everything else is one character.
    let j = i + 1;
    if (ch === "." || ch === "-") while (j < n && text[j] === ch) j++;
    // Never split a surrogate pair (emoji and other astral symbols stay one token).
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && j < n) {
      const d = text.charCodeAt(j);
      if (d >= 0xdc00 && d <= 0xdfff) j++;
    }
    emit(i, j);
    i = j;
  }
  return out;
}

/** Maps typographic characters to the forms the Reuters training data uses. */
export function normalizeToken(t: string): string {
  if (/^[\x20-\x7e]*$/.test(t)) return t;
  return t
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/—/g, "--")
    .replace(/[–‐‑‒−]/g, "-")
    .replace(/…/g, "...");
}

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);

/**
 * Tokenizes and splits into sentences: at line breaks, and after . ! ? (plus any closing quote or
 * bracket) when the next token starts a new sentence.
 *
 * @example
 * tokenizeSentences("Mr. Blinken spoke. He left.").map((s) => s.length) // → [4, 3]
 */
export function tokenizeSentences(text: string): Token[][] {
  const toks = tokenize(text);
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (cur.length && /\n/.test(text.slice(cur[cur.length - 1].end, t.start))) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    if (t.text === "." || t.text === "!" || t.text === "?" || t.text === "..." || t.text === "…") {
      while (i + 1 < toks.length && CLOSERS.has(toks[i + 1].text) && toks[i + 1].start === cur[cur.length - 1].end)
        cur.push(toks[++i]);
      const next = toks[i + 1];
      if (!next || UPPER.test(next.text[0]) || /^[“"‘'(\d]/.test(next.text)) {
        out.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
