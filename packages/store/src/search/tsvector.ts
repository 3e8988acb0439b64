import { lowerChar } from "./chars.ts";
import { T, parse } from "./parser.ts";
import { stem } from "./stem.ts";
import { TokenMemo } from "./token-memo.ts";
import { ENGLISH_STOP_WORDS } from "./stop-words.ts";

// tsvector limits (src/include/tsearch/ts_type.h): positions stop at MAXENTRYPOS - 1, a lexeme keeps at most
// MAXNUMPOS - 1 of them from to_tsvector, and `||` lets it grow to MAXNUMPOS.
const MAX_POS = 16383;
const MAX_NUM_POS = 256;

// Declining is always exact: the store computes those documents in SQL. Tokens this long are base64, URLs or junk;
// near 1000 bytes PostgreSQL stops stemming them and at 2047 drops them, so they are left to PostgreSQL.
const MAX_TOKEN_CHARS = 250;
// Far below the 1 MB a tsvector may hold, so a literal PostgreSQL would reject is never produced.
const MAX_TEXT_CHARS = 300_000;

// english config: which dictionary each token type goes to. Blank, tag, protocol and entity tokens are not indexed and
// take no position.
const NONE = 0,
  STEM = 1,
  SIMPLE = 2;
const DICT = new Uint8Array(24);
for (const t of [T.AsciiWord, T.Word, T.HWordPart, T.HWordAsciiPart, T.AsciiHWord, T.HWord]) DICT[t] = STEM;
for (const t of [
  T.NumWord,
  T.Email,
  T.Url,
  T.Host,
  T.SFloat,
  T.Version,
  T.HWordNumPart,
  T.NumHWord,
  T.UrlPath,
  T.File,
  T.Float,
  T.Int,
  T.UInt,
])
  DICT[t] = SIMPLE;

// Lower-casing is per character (towlower), so the whole text is lowered once and tokens are cut from it. JavaScript's
// toLowerCase agrees with musl's towlower except on the characters DISAGREE matches; only texts with those take the
// table path.
const DISAGREE = (() => {
  let cls = "";
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (String.fromCharCode(c).toLowerCase() !== String.fromCharCode(lowerChar(c)))
      cls += `\\u${c.toString(16).padStart(4, "0")}`;
  }
  return new RegExp(`[${cls}]`);
})();
function lowerCase(text: string): string {
  if (!DISAGREE.test(text)) return text.toLowerCase();
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = lowerChar(text.charCodeAt(i));
  return new TextDecoder("utf-16le").decode(units);
}

// A lexeme and its positions in the document being built (title and body apart, as the two tsvectors that `||` joins).
interface Lexeme {
  readonly entry: string; // 'lexeme': as tsvectorout prints it
  readonly lexeme: string;
  doc: number; // the call whose positions `head` and `body` hold
  head: number[];
  headN: number;
  body: number[];
  bodyN: number;
}

// Headlines and bodies repeat the same few thousand words: tokens are memoized (lower-cased text -> lexeme, null for
// a stop word) so stemming and quoting happen once, and each Lexeme carries its own position lists so a document needs
// no map of its own. Bounded; cleared only between documents.
const MEMO_MAX = 50_000;
const tokens = new TokenMemo<Lexeme | null>(MEMO_MAX);
const byLexeme = new Map<string, Lexeme>();
let docSerial = 0;

const quote = (lexeme: string) =>
  lexeme.includes("'") || lexeme.includes("\\") ? `'${lexeme.replace(/['\\]/g, "$&$&")}'` : `'${lexeme}'`;

function lexemeOf(text: string): Lexeme {
  let l = byLexeme.get(text);
  if (!l)
    byLexeme.set(
      text,
      (l = { entry: `${quote(text)}:`, lexeme: text, doc: -1, head: [], headN: 0, body: [], bodyN: 0 }),
    );
  return l;
}

/**
 * Adds the positions of `text`'s lexemes, as to_tsvector's uniqueWORD leaves them (ascending, distinct, capped), to
 * `touched`'s lexemes. False if declined.
 */
function collect(text: string, isHead: boolean, touched: Lexeme[]): boolean {
  if (!text) return true;
  const lowered = lowerCase(text);
  let pos = 0;
  let declined = false;
  parse(text, (type, start, length) => {
    const dict = DICT[type]!;
    if (dict === NONE) return;
    if (length > MAX_TOKEN_CHARS) declined = true;
    pos++;
    let lex = tokens.get(lowered, start, length, dict);
    if (lex === undefined) {
      const surface = lowered.slice(start, start + length);
      lex = dict === SIMPLE ? lexemeOf(surface) : ENGLISH_STOP_WORDS.has(surface) ? null : lexemeOf(stem(surface));
      tokens.set(lowered, start, length, dict, lex);
    }
    if (lex === null) return; // a stop word still takes its position
    if (lex.doc !== docSerial) {
      lex.doc = docSerial;
      lex.headN = 0;
      lex.bodyN = 0;
      touched.push(lex);
    }
    const at = Math.min(pos, MAX_POS);
    if (isHead) {
      const n = lex.headN;
      if (n === 0 || (n < MAX_NUM_POS - 1 && lex.head[n - 1] !== MAX_POS && lex.head[n - 1] !== at))
        lex.head[lex.headN++] = at;
    } else {
      const n = lex.bodyN;
      if (n === 0 || (n < MAX_NUM_POS - 1 && lex.body[n - 1] !== MAX_POS && lex.body[n - 1] !== at))
        lex.body[lex.bodyN++] = at;
    }
  });
  return !declined;
}

// Lexemes in PostgreSQL's order: UTF-8 bytes, which for BMP text is the order of UTF-16 units. Sorting ~500 strings
// with a comparator is a fifth of the work here, so a native numeric sort orders them by a key of their first four
// units (7 bits each, anything from 0x7f up as 0x7f and nothing after it: the key never contradicts the string order)
// with the index in the low 20 bits, and only lexemes with equal keys are compared as strings.
const INDEX_BITS = 2 ** 20;
const byText = (x: Lexeme, y: Lexeme) => (x.lexeme < y.lexeme ? -1 : 1);
function prefixKey(w: string): number {
  let key = 0;
  let clamped = false;
  for (let i = 0; i < 4; i++) {
    // After a unit clamped to 0x7f the key stops telling strings apart: those ties go to the string comparison.
    const c: number = clamped || i >= w.length ? 0 : Math.min(w.charCodeAt(i), 0x7f);
    clamped ||= c === 0x7f;
    key = key * 128 + c;
  }
  return key;
}
function sorted(lexemes: Lexeme[]): Lexeme[] {
  const n = lexemes.length;
  if (n >= INDEX_BITS) return lexemes.sort(byText);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = prefixKey(lexemes[i]!.lexeme) * INDEX_BITS + i;
  keys.sort();
  const out = new Array<Lexeme>(n);
  for (let i = 0; i < n; ) {
    const prefix = Math.floor(keys[i]! / INDEX_BITS);
    let j = i + 1;
    while (j < n && Math.floor(keys[j]! / INDEX_BITS) === prefix) j++;
    for (let k = i; k < j; k++) out[k] = lexemes[keys[k]! % INDEX_BITS]!;
    if (j - i > 1) {
      const group = out.slice(i, j).sort(byText);
      for (let k = i; k < j; k++) out[k] = group[k - i]!;
    }
    i = j;
  }
  return out;
}

// Characters the measured tables do not cover (surrogates, so code points above U+FFFF, and U+FFFE/U+FFFF) and NUL,
// which PostgreSQL text cannot hold.
const UNCOVERED = /[\0\ud800-\udfff\ufffe\uffff]/;

/**
 * The text of `setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)` exactly as the store's
 * embedded PostgreSQL (PGlite) prints it, so that `${literal}::tsvector` indexes the same lexemes and positions.
 * Returns null where it cannot promise that (characters outside the BMP, overlong tokens, huge texts): compute those
 * in SQL. Other PostgreSQL builds stem with older Snowball versions and classify non-ASCII characters by their own C
 * library, so check a database with TSVECTOR_PROBE (article-tsv.ts does) before using the literals there.
 */
export function englishTsvector(title: string | null, body: string): string | null {
  const head = title ?? "";
  if (head.length + body.length > MAX_TEXT_CHARS || UNCOVERED.test(head) || UNCOVERED.test(body)) return null;
  if (tokens.full) {
    tokens.clear();
    byLexeme.clear();
  }
  docSerial++;
  const touched: Lexeme[] = [];
  if (!collect(head, true, touched) || !collect(body, false, touched)) return null;

  // tsvector_concat shifts the right operand by the largest position on the left.
  let shift = 0;
  for (const l of touched) if (l.headN) shift = Math.max(shift, l.head[l.headN - 1]!);

  let out = "";
  for (const l of sorted(touched)) {
    out += out ? ` ${l.entry}` : l.entry;
    let n = 0;
    let last = -1;
    for (let i = 0; i < l.headN; i++) out += n++ ? `,${l.head[i]}A` : `${l.head[i]}A`;
    if (l.headN) last = l.head[l.headN - 1]!;
    for (let i = 0; i < l.bodyN; i++) {
      if (n >= MAX_NUM_POS || last === MAX_POS) break;
      last = Math.min(l.body[i]! + shift, MAX_POS);
      out += n++ ? `,${last}` : `${last}`;
    }
  }
  return out;
}

/**
 * A document on which englishTsvector and a database's own `setweight(to_tsvector('english', title), 'A') ||
 * to_tsvector('english', body)` agree only if that database tokenizes, lower-cases and stems as PGlite does: it holds
 * words Snowball 3 stems differently from Snowball 2 (PostgreSQL before 18), curly quotes and dashes that a C-locale
 * server counts as letters, and letters whose lower case differs between C libraries. Compare once per database
 * before trusting the literals; a PostgreSQL 15 server with the C locale disagrees.
 */
export const TSVECTOR_PROBE = {
  title: "O’Malley added — the U.S. co-op’s café",
  body: "He ebbed, erred and egged on naïve ÉCOLE students in İstanbul\u00a0today: see cnn.com/news, 3.5% of 1,000 state-of-the-art files.",
} as const;
