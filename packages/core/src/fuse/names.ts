// Name keys for matching people, organizations and places across articles written by different
// outlets, in different house styles and transliterations.

/**
 * Caches a pure string function: a batch repeats the same names thousands of times. Bounded, so a
 * long-running server does not grow without limit; results are identical with or without it.
 */
export function memo<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v as T;
  };
}

const HONORIFICS = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "sir",
  "dame",
  "lord",
  "lady",
  "rev",
  "prof",
  "president",
  "vice",
  "prime",
  "minister",
  "secretary",
  "sen",
  "senator",
  "rep",
  "gov",
  "governor",
  "gen",
  "general",
  "col",
  "lt",
  "capt",
  "sgt",
  "chancellor",
  "king",
  "queen",
  "prince",
  "princess",
  "pope",
  "judge",
  "justice",
  "mayor",
  "ambassador",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "chief",
  "foreign",
  "defense",
  "defence",
  "state",
  "u.s",
  "us",
  "former",
  "deputy",
  "acting",
  "coach",
  "officer",
  "detective",
  "sheriff",
  "premier",
]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const PARTICLES = new Set(["de", "van", "von", "der", "da", "di", "du", "la", "le", "bin", "al", "el", "ibn"]);

/** Nicknames and short forms that name the same person ("Joe Biden" is "Joseph R. Biden"). */
export const NICKNAMES: Record<string, string> = {
  joe: "joseph",
  bill: "william",
  will: "william",
  bob: "robert",
  rob: "robert",
  mike: "michael",
  jim: "james",
  jimmy: "james",
  tony: "anthony",
  tom: "thomas",
  dick: "richard",
  rick: "richard",
  dan: "daniel",
  dave: "david",
  chris: "christopher",
  nick: "nicholas",
  alex: "alexander",
  sasha: "alexander",
  liz: "elizabeth",
  beth: "elizabeth",
  kate: "katherine",
  jen: "jennifer",
  jenny: "jennifer",
  ben: "benjamin",
  ed: "edward",
  ted: "edward",
  sam: "samuel",
  steve: "steven",
  stephen: "steven",
  jon: "jonathan",
  matt: "matthew",
  andy: "andrew",
  pat: "patrick",
  mo: "maurice",
};

/** Strips accents and folds quotes so "Zelenskyy’s" and "Zelenskyy's" compare equal. */
export function fold(s: string): string {
  // ASCII other than the backtick has nothing to fold (NFD leaves ASCII as it is): most names and quotes.
  if (!/[^\x00-\x5f\x61-\x7f]/.test(s)) return s;
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―]/g, "-");
}

/**
 * A spelling-insensitive key for one name token: the common romanisations of Slavic and Arabic
 * names differ in y/i/j, ks/x, and doubled letters (Sergey/Sergei, Zelenskiy/Zelensky/Zelenskyy,
 * Dmitry/Dmitri, Alexei/Aleksei).
 * @example translitKey("Sergey") === translitKey("Sergei") // true
 */
export const translitKey = memo(function translitKey(token: string): string {
  return fold(token)
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/ks/g, "x")
    .replace(/ph/g, "f")
    .replace(/[yj]/g, "i")
    .replace(/ei/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/ie$/g, "i");
});

export interface PersonName {
  /** First given name as written ("Sergey"), or null for a bare surname. */
  first: string | null;
  /** Surname as written ("Lavrov"). */
  last: string;
  /** Middle names and initials ("V."). */
  middle: string[];
}

/**
 * Parses a person's name as newspapers write it: honorifics and titles dropped ("Mr.", "President",
 * "Secretary of State"), middle initials kept apart, possessives removed.
 * @example parsePersonName("Secretary of State Antony J. Blinken") // { first: "Antony", middle: ["J."], last: "Blinken" }
 */
export const parsePersonName = memo(function parsePersonName(name: string): PersonName | null {
  const cleaned = fold(name)
    .replace(/'s$/i, "")
    .replace(/\bof state\b/gi, " ")
    .replace(/[,()]/g, " ")
    .trim();
  let tokens = cleaned.split(/\s+/).filter(Boolean);
  // Titles come first: drop everything up to the last title word ("Russian Foreign Minister Sergey Lavrov"),
  // then leading lower-case words and honorifics.
  const isTitle = (t: string) => HONORIFICS.has(t.toLowerCase().replace(/\.$/, ""));
  let lastTitle = -1;
  tokens.slice(0, -1).forEach((t, i) => isTitle(t) && (lastTitle = i));
  if (lastTitle >= 0) tokens = tokens.slice(lastTitle + 1);
  while (tokens.length > 1 && (HONORIFICS.has(tokens[0].toLowerCase().replace(/\.$/, "")) || /^[a-z]/.test(tokens[0])))
    tokens = tokens.slice(1);
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1].toLowerCase().replace(/\.$/, "")))
    tokens = tokens.slice(0, -1);
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return { first: null, middle: [], last: tokens[0] };
  // "Ludwig van Beethoven": particles belong to the surname.
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(tokens[lastStart - 1].toLowerCase())) lastStart--;
  return { first: tokens[0], middle: tokens.slice(1, lastStart), last: tokens.slice(lastStart).join(" ") };
});

/** True when two given names can be the same person's: same spelling key, a nickname, or an initial. */
export function firstNamesCompatible(a: string, b: string): boolean {
  const ka = translitKey(a);
  const kb = translitKey(b);
  if (ka === kb) return true;
  const na = NICKNAMES[fold(a).toLowerCase()] ?? fold(a).toLowerCase();
  const nb = NICKNAMES[fold(b).toLowerCase()] ?? fold(b).toLowerCase();
  if (translitKey(na) === translitKey(nb)) return true;
  // "J. Blinken" vs "Antony Blinken" is unknown; only a one-letter initial may stand for the name.
  const ia = a.replace(/\.$/, "");
  const ib = b.replace(/\.$/, "");
  return (ia.length === 1 && kb.startsWith(ia.toLowerCase())) || (ib.length === 1 && ka.startsWith(ib.toLowerCase()));
}

const ORG_STOP = new Set(["the", "of", "for", "and", "in", "on", "at", "to", "&"]);

/**
 * A key for organizations and places: lower case, no "the", no punctuation.
 * @example orgKey("the State Department") // "state department"
 */
export const orgKey = memo(function orgKey(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/\./g, "")
    .replace(/[^a-z0-9& ]/g, " ")
    .split(/\s+/)
    .filter((w) => w && w !== "the")
    .join(" ");
});

/**
 * The acronym of a multi-word name ("Organization for Security and Cooperation in Europe" -> "osce").
 * @example acronym("North Atlantic Treaty Organization") // "nato"
 */
export function acronym(name: string): string | null {
  const words = fold(name)
    .split(/[\s-]+/)
    .filter((w) => w && !ORG_STOP.has(w.toLowerCase()));
  if (words.length < 2) return null;
  return words.map((w) => w[0].toLowerCase()).join("");
}
