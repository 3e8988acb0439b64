import { lowerChar } from "./chars.ts";
import { T, parse } from "./parser.ts";
import { stem } from "./stem.ts";
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

// english config: these token types go to english_stem, the other mapped ones to simple; blank, tag, protocol and
// entity tokens are not indexed and take no position.
const STEMMED = new Set<T>([T.AsciiWord, T.Word, T.HWordPart, T.HWordAsciiPart, T.AsciiHWord, T.HWord]);
const SIMPLE = new Set<T>([
  T.NumWord, T.Email, T.Url, T.Host, T.SFloat, T.Version, T.HWordNumPart, T.NumHWord, T.UrlPath, T.File, T.Float, T.Int, T.UInt,
]);

// Headlines and bodies repeat the same few thousand words; a bounded memo keeps stemming off the hot path.
const STEM_CACHE_MAX = 50_000;
const stemCache = new Map<string, string | null>();
function englishStem(lower: string): string | null {
  let s = stemCache.get(lower);
  if (s !== undefined) return s;
  s = ENGLISH_STOP_WORDS.has(lower) ? null : stem(lower);
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(lower, s);
  return s;
}

function lowerCase(text: string, start: number, length: number): string {
  let out = "";
  for (let i = start; i < start + length; i++) out += String.fromCharCode(lowerChar(text.charCodeAt(i)));
  return out;
}

/** lexeme -> positions, as to_tsvector's uniqueWORD leaves them: ascending, distinct, capped. Null if declined. */
function lexemes(text: string): Map<string, number[]> | null {
  const out = new Map<string, number[]>();
  let pos = 0;
  let declined = false;
  parse(text, (type, start, length) => {
    const stemmed = STEMMED.has(type);
    if (!stemmed && !SIMPLE.has(type)) return;
    if (length > MAX_TOKEN_CHARS) declined = true;
    pos++;
    const lower = lowerCase(text, start, length);
    const lexeme = stemmed ? englishStem(lower) : lower;
    if (lexeme === null) return; // a stop word still takes its position
    const at = Math.min(pos, MAX_POS);
    const list = out.get(lexeme);
    if (!list) out.set(lexeme, [at]);
    else {
      const last = list[list.length - 1]!;
      if (list.length < MAX_NUM_POS - 1 && last !== MAX_POS && last !== at) list.push(at);
    }
  });
  return declined ? null : out;
}

// Characters the measured tables do not cover (surrogates, so code points above U+FFFF, and U+FFFE/U+FFFF) and NUL,
// which PostgreSQL text cannot hold.
const UNCOVERED = /[\0\ud800-\udfff\ufffe\uffff]/;

const quote = (lexeme: string) => `'${lexeme.replace(/['\\]/g, "$&$&")}'`;

/**
 * The text of `setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)` exactly as the store's
 * embedded PostgreSQL (PGlite) prints it, so that `${literal}::tsvector` indexes the same lexemes and positions.
 * Returns null where it cannot promise that (characters outside the BMP, overlong tokens, huge texts): compute those
 * in SQL. On a PostgreSQL server whose database ctype is not C.UTF-8 under musl, non-ASCII letters may be classified
 * or lower-cased differently; ASCII text is tokenized the same everywhere.
 */
export function englishTsvector(title: string | null, body: string): string | null {
  const head = title ?? "";
  if (head.length + body.length > MAX_TEXT_CHARS || UNCOVERED.test(head) || UNCOVERED.test(body)) return null;
  const a = lexemes(head);
  const b = lexemes(body);
  if (!a || !b) return null;

  // tsvector_concat shifts the right operand by the largest position on the left.
  let shift = 0;
  for (const ps of a.values()) shift = Math.max(shift, ps[ps.length - 1]!);

  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const parts: string[] = [];
  for (const k of keys) {
    const ps: string[] = [];
    let last = -1;
    for (const p of a.get(k) ?? []) {
      ps.push(`${p}A`);
      last = p;
    }
    for (const p of b.get(k) ?? []) {
      if (ps.length >= MAX_NUM_POS || last === MAX_POS) break;
      last = Math.min(p + shift, MAX_POS);
      ps.push(String(last));
    }
    parts.push(`${quote(k)}:${ps.join(",")}`);
  }
  return parts.join(" ");
}
