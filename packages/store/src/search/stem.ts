// The Snowball English (Porter2) stemmer, version 3 (PostgreSQL 18), as PostgreSQL's english_stem dictionary runs it: on the lower-cased word,
// code point by code point, where only a e i o u y are vowels. A port of english.sbl; each routine keeps the name it has
// there so the two can be read side by side.

const isV = (c: string | undefined) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
const isVWXY = (c: string | undefined) => isV(c) || c === "w" || c === "x" || c === "Y";
const isLI = (c: string | undefined) => c !== undefined && "cdeghkmnrt".includes(c);

const EXCEPTION1 = new Map<string, string>(
  Object.entries({
    skis: "ski",
    skies: "sky",
    dying: "die",
    lying: "lie",
    tying: "tie",
    idly: "idl",
    gently: "gentl",
    ugly: "ugli",
    early: "earli",
    only: "onli",
    singly: "singl",
    sky: "sky",
    news: "news",
    howe: "howe",
    atlas: "atlas",
    cosmos: "cosmos",
    bias: "bias",
    andes: "andes",
  }),
);
const EXCEPTION2 = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);
const REGION_PREFIXES = ["gener", "commun", "arsen"];

const STEP2: [string, string][] = [
  ["ization", "ize"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["entli", "ent"],
  ["ation", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["ousli", "ous"],
  ["iviti", "ive"],
  ["fulli", "ful"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["izer", "ize"],
  ["ator", "ate"],
  ["alli", "al"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["li", ""],
];
const STEP3: [string, string][] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ative", ""],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];
const STEP4: [string, string][] = [
  "ement",
  "ance",
  "ence",
  "able",
  "ible",
  "ment",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
  "al",
  "er",
  "ic",
  "ant",
].map((s) => [s, ""]);

// Suffix tables by last letter, longest first: the first suffix found is the longest, which is the one `among` takes.
type Suffixes = Map<string, [string, string][]>;
const byLastLetter = (table: [string, string][]): Suffixes => {
  const out: Suffixes = new Map();
  for (const e of [...table].sort((a, b) => b[0].length - a[0].length)) {
    const last = e[0][e[0].length - 1]!;
    out.set(last, [...(out.get(last) ?? []), e]);
  }
  return out;
};
const STEP2_BY_LAST = byLastLetter(STEP2);
const STEP3_BY_LAST = byLastLetter(STEP3);
const STEP4_BY_LAST = byLastLetter(STEP4);
function longest(w: string, table: Suffixes): [string, string] | undefined {
  const cands = table.get(w[w.length - 1]!);
  if (cands) for (const e of cands) if (w.endsWith(e[0])) return e;
  return undefined;
}

// Snowball's gopast v / gopast non-v from `from`: the index just after the first vowel followed by a non-vowel.
function region(w: string, from: number): number {
  let i = from;
  while (i < w.length && !isV(w[i])) i++;
  while (i < w.length && isV(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

// shortv at the end of w[0, end): a consonant (not w, x or Y), a vowel and a consonant, or a vowel and a consonant
// that make up the whole word.
function shortv(w: string, end: number): boolean {
  const last = w[end - 1],
    v = w[end - 2];
  if (end >= 3 && !isVWXY(last) && isV(v) && !isV(w[end - 3])) return true;
  return end === 2 && !isV(last) && isV(v);
}

export function stem(word: string): string {
  const exc = word.length <= 6 ? EXCEPTION1.get(word) : undefined;
  if (exc !== undefined) return exc;
  if (word.length < 3) return word;

  // prelude: drop a leading apostrophe; y at the start or after a vowel is a consonant, marked Y.
  let w = word[0] === "'" ? word.slice(1) : word;
  let yFound = false;
  if (w.includes("y")) {
    let out = "";
    for (let i = 0; i < w.length; i++) {
      const c = w[i]!;
      if (c === "y" && (i === 0 || isV(out[i - 1]))) {
        out += "Y";
        yFound = true;
      } else out += c;
    }
    w = out;
  }

  const prefix = REGION_PREFIXES.find((p) => w.startsWith(p));
  const p1 = prefix ? prefix.length : region(w, 0);
  const p2 = p1 < w.length ? region(w, p1) : w.length;

  // Step_1a
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ied") || w.endsWith("ies")) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith("us") || w.endsWith("ss")) {
    // kept
  } else if (w.endsWith("s")) {
    let hasV = false;
    for (let i = 0; i < w.length - 2; i++) if (isV(w[i])) hasV = true;
    if (hasV) w = w.slice(0, -1);
  }

  if (!EXCEPTION2.has(w)) {
    w = step1b(w, p1);
    // Step_1c
    const last = w[w.length - 1];
    if ((last === "y" || last === "Y") && w.length > 2 && !isV(w[w.length - 2])) w = `${w.slice(0, -1)}i`;
    w = replaceIn(w, STEP2_BY_LAST, p1, (x, at, suffix) =>
      suffix === "ogi" ? x[at - 1] === "l" : suffix === "li" ? isLI(x[at - 1]) : true,
    );
    w = replaceIn(w, STEP3_BY_LAST, p1, (_, at, suffix) => suffix !== "ative" || at >= p2);
    w = step4(w, p2);
    // Step_5
    if (w.endsWith("e")) {
      const at = w.length - 1;
      if (at >= p2 || (at >= p1 && !shortv(w, at))) w = w.slice(0, -1);
    } else if (w.endsWith("l") && w.length - 1 >= p2 && w[w.length - 2] === "l") w = w.slice(0, -1);
  }
  return yFound ? w.replace(/Y/g, "y") : w;
}

function step1b(w: string, p1: number): string {
  const last = w[w.length - 1];
  if (last !== "d" && last !== "g" && last !== "y") return w;
  const suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"].find((s) => w.endsWith(s));
  if (!suffix) return w;
  const at = w.length - suffix.length;
  if (suffix === "eed" || suffix === "eedly") return at >= p1 ? `${w.slice(0, at)}ee` : w;
  let hasV = false;
  for (let i = 0; i < at; i++) if (isV(w[i])) hasV = true;
  if (!hasV) return w;
  w = w.slice(0, at);
  const end2 = w.slice(-2);
  if (end2 === "at" || end2 === "bl" || end2 === "iz") return `${w}e`;
  if (end2.length === 2 && end2[0] === end2[1] && "bdfgmnprt".includes(end2[0]!)) {
    // Snowball 3 keeps the double of add, ebb, egg, err, odd, off... (a, e or o and a double, nothing else).
    return w.length === 3 && "aeo".includes(w[0]!) ? w : w.slice(0, -1);
  }
  if (w.length === p1 && shortv(w, w.length)) return `${w}e`;
  return w;
}

// `[substring] R1 among (...)`: the longest matching suffix decides; it must start in the region and pass `ok`.
function replaceIn(
  w: string,
  table: Suffixes,
  region: number,
  ok: (w: string, at: number, suffix: string) => boolean,
): string {
  const best = longest(w, table);
  if (!best) return w;
  const at = w.length - best[0].length;
  if (at < region || !ok(w, at, best[0])) return w;
  return w.slice(0, at) + best[1];
}

function step4(w: string, p2: number): string {
  const suffix = longest(w, STEP4_BY_LAST)?.[0];
  if (!suffix) return w;
  const at = w.length - suffix.length;
  if (at < p2) return w;
  if (suffix === "ion") return w[at - 1] === "s" || w[at - 1] === "t" ? w.slice(0, at) : w;
  return w.slice(0, at);
}
