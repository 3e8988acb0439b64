// Regenerates chars.ts by asking the embedded PostgreSQL about every BMP code point (takes a couple of minutes):
//   npx tsx packages/store/src/search/gen-chars.ts > packages/store/src/search/chars.ts
// alone:      ts_debug of the character by itself: a word token means p_isalpha, uint means p_isdigit; the lexeme
//             is its lower case (a stop word lexeme, {}, only for a, i, s, t and their capitals or U+0130).
// "a" c "a":  one token although c is no letter means p_isspecial (zero-width marks the parser keeps inside words).
// "<a" c "b>": one tag token although c is no letter, digit or one of "-.:_" means p_isspace.
import { PGlite } from "@electric-sql/pglite";

const ALPHA = 1,
  DIGIT = 2,
  SPACE = 4,
  SPECIAL = 8;
const STOP_LOWER: Record<number, number> = { 65: 0x61, 73: 0x69, 83: 0x73, 84: 0x74, 304: 0x69 };

const pg = await PGlite.create();
const rows = (
  await pg.query<{ i: number; alone: string | null; aca: number; tag: string | null }>(`
  select i,
    (select string_agg(alias || '|' || coalesce(array_to_string(lexemes, ','), '~'), ' ') from ts_debug('english', chr(i))) alone,
    (select count(*)::int from ts_debug('english', 'a' || chr(i) || 'a')) aca,
    (select string_agg(alias, ' ') from ts_debug('english', '<a' || chr(i) || 'b>')) tag
  from generate_series(1, 65533) i where i not between 55296 and 57343`)
).rows;
await pg.close();

const classes = new Map<number, number>();
const lower = new Map<number, number>();
for (const r of rows) {
  const [kind, lexeme] = (r.alone ?? "").split("|");
  let c = 0;
  if (r.alone && !r.alone.includes(" ") && (kind === "word" || kind === "asciiword")) {
    c |= ALPHA;
    const l = lexeme === "" ? (STOP_LOWER[r.i] ?? r.i) : lexeme!.codePointAt(0);
    if (l === undefined || (lexeme !== "" && [...lexeme!].length !== 1))
      throw new Error(`unexpected lower case of U+${r.i.toString(16)}: ${lexeme}`);
    if (l !== r.i) lower.set(r.i, l);
  }
  if (r.alone === `uint|${String.fromCharCode(r.i)}`) c |= DIGIT;
  if (!(c & (ALPHA | DIGIT)) && !"-.:_".includes(String.fromCharCode(r.i)) && r.tag === "tag") c |= SPACE;
  if (r.i >= 0x80 && !(c & ALPHA) && r.aca === 1) c |= SPECIAL;
  if (c) classes.set(r.i, c);
}

const classRuns: number[][] = [];
for (let i = 0; i < 0x10000; i++) {
  const c = classes.get(i);
  if (!c) continue;
  const last = classRuns[classRuns.length - 1];
  if (last && last[2] === c && last[0]! + last[1]! === i) last[1]!++;
  else classRuns.push([i, 1, c]);
}
// [start, count, delta, step]: runs of code points `step` apart whose lower case is `delta` away.
const lowerRuns: number[][] = [];
for (const [k, l] of [...lower].sort((a, b) => a[0] - b[0])) {
  const d = l - k;
  const last = lowerRuns[lowerRuns.length - 1];
  if (last && last[2] === d) {
    const [s, n, , st] = last as [number, number, number, number];
    if (n === 1 && (k - s === 1 || k - s === 2)) {
      last[1] = 2;
      last[3] = k - s;
      continue;
    }
    if (n > 1 && k - (s + (n - 1) * st) === st) {
      last[1]!++;
      continue;
    }
  }
  lowerRuns.push([k, 1, d, 1]);
}

const flat = (runs: number[][]) => runs.map((r) => r.join(",")).join(",");
process.stdout.write(`// Character classes and lower-casing of the PostgreSQL that the store embeds (PGlite: PostgreSQL 18 compiled with
// Emscripten, database ctype C.UTF-8, so its text-search parser asks musl's iswalpha/iswdigit/iswspace/towlower, and
// pg_dsplen for "special" zero-width characters). Measured, not derived from Unicode: gen-chars.ts asks ts_debug about
// every BMP code point and prints this file. Code points above U+FFFF are not covered; the caller declines texts that
// contain them.

export const ALPHA = ${ALPHA}, DIGIT = ${DIGIT}, SPACE = ${SPACE}, SPECIAL = ${SPECIAL};

// [first code point, count, class bits] runs.
const CLASS_RUNS = [${flat(classRuns)}];
// [first code point, count, delta to its lower case, step] runs.
const LOWER_RUNS = [${flat(lowerRuns)}];

const CLASSES = new Uint8Array(0x10000);
for (let i = 0; i < CLASS_RUNS.length; i += 3) CLASSES.fill(CLASS_RUNS[i + 2]!, CLASS_RUNS[i]!, CLASS_RUNS[i]! + CLASS_RUNS[i + 1]!);
const LOWER = new Uint16Array(0x10000).map((_, i) => i);
for (let i = 0; i < LOWER_RUNS.length; i += 4) {
  const [start, count, delta, step] = [LOWER_RUNS[i]!, LOWER_RUNS[i + 1]!, LOWER_RUNS[i + 2]!, LOWER_RUNS[i + 3]!];
  for (let j = 0; j < count; j++) LOWER[start + j * step] = start + j * step + delta;
}

/** Class bits of a BMP code point (0 for punctuation, symbols and controls). */
export const charClass = (c: number): number => CLASSES[c]!;
/** towlower of a BMP code point. */
export const lowerChar = (c: number): number => LOWER[c]!;
`);
