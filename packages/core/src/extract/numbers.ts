// Numeric claims: a figure with its qualifier ("more than"), unit and subject ("Russian troops"), so
// fusion can line up "90,000 troops" against "nearly 100,000 Russian troops" across articles.
import type { Entity, NumberClaim } from "../schema/article.ts";
import { DEMONYMS } from "./gazetteer.ts";

const QUALIFIERS =
  "more than|over|nearly|almost|about|around|roughly|approximately|some|at least|at most|up to|as many as|as few as|" +
  "fewer than|less than|under|close to|an estimated|estimated|just over|just under|just|only|well over|upwards of";
// The figure itself; the qualifier is read backwards from it (a leading optional alternation made the
// regex test every character of the text).
const NUMBER =
  /([$€£])?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(million|billion|trillion|thousand|percent|per cent|%))?(?![A-Za-z\d:/À-ɏ])/gi;
const QUALIFIER_BEFORE = new RegExp(`\\b(${QUALIFIERS})\\s+$`, "i");
const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTHS = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;
// Words that end a subject phrase: function words, verbs-ish connectors, time words.
const STOP = new Set(
  (
    "of|in|on|at|to|from|by|for|with|without|near|along|across|into|onto|over|under|and|or|but|that|which|who|" +
    "whose|were|was|are|is|be|been|being|had|has|have|will|would|could|should|may|might|must|can|did|do|does|" +
    "the|a|an|this|that|these|those|their|its|his|her|our|since|after|before|during|while|when|where|than|as|" +
    "per|each|ago|later|earlier|so|if|because|about|around|between|among|within|through|against|toward|towards"
  ).split("|"),
);
const COUNTRY_TO_DEMONYM: Record<string, string> = Object.fromEntries(
  Object.entries(DEMONYMS)
    .filter(([d, c]) => /^\p{Lu}\p{Ll}+$/u.test(d) && !["Western", "European", "NATO"].includes(d) && c !== d)
    .map(([d, c]) => [c, d]),
);
const CAPITAL_TO_DEMONYM: Record<string, string> = {
  Moscow: "Russian",
  Kremlin: "Russian",
  Kyiv: "Ukrainian",
  Kiev: "Ukrainian",
  Washington: "American",
  Beijing: "Chinese",
  London: "British",
  Berlin: "German",
  Paris: "French",
  Tehran: "Iranian",
  Jerusalem: "Israeli",
  "U.S.": "American",
  US: "American",
  "United States": "American",
};
/** Subject heads that belong to a nation in the text ("troops" -> whose troops). */
const NATIONAL_HEADS =
  /^(?:troops|soldiers|forces|service members|diplomats|officials|citizens|refugees|sailors|marines|tanks|jets|missiles|warships|personnel|nationals|prisoners|casualties)$/i;

/**
 * Finds numeric claims with their qualifier, unit and subject. Years, dates, times, ordinals and
 * numbers glued to letters are skipped. A bare "troops" takes the nation the sentence names before it
 * ("the Ukrainian government has deployed 125,000 troops" -> "Ukrainian troops").
 *
 * @example
 * extractNumbers("Russia has massed more than 100,000 troops near the border.", [])
 * // → [{ text: "more than 100,000 troops", value: 100000, qualifier: "more than", subject: "Russian troops", ... }]
 */
export function extractNumbers(body: string, _entities: Entity[] = []): NumberClaim[] {
  const out: NumberClaim[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(body))) {
    const [whole, currency, digits, multRaw] = m;
    const numStart = m.index + (currency ? 1 : 0);
    const q = QUALIFIER_BEFORE.exec(body.slice(Math.max(0, m.index - 24), m.index));
    const qualRaw = q ? q[1] : undefined;
    const start = q ? m.index - q[0].length : m.index;
    const prevChar = body[numStart - (currency ? 2 : 1)] ?? "";
    // Part of a larger token: "9/11", "8:30", "COVID-19", "F-35".
    if (/[\p{L}\d/:.-]/u.test(prevChar) && !currency) continue;
    const plain = digits.replace(/,/g, "");
    const n = Number(plain);
    if (!Number.isFinite(n)) continue;
    const mult = multRaw?.toLowerCase();
    // Years and dates are not claims.
    if (!currency && !mult && /^(?:1[6-9]|20)\d\d$/.test(digits)) continue;
    if (!currency && !mult && MONTHS.test(body.slice(Math.max(0, numStart - 12), numStart))) continue;
    if (
      !currency &&
      !mult &&
      /^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/.test(
        body.slice(m.index + whole.length, m.index + whole.length + 12),
      )
    )
      continue;
    // Subject: up to three words after the figure, stopping at function words and punctuation.
    let end = m.index + whole.length;
    const words: string[] = [];
    const re = /^\s+([\p{L}][\p{L}'’-]*)/u;
    let pos = end;
    while (words.length < 3) {
      const w = re.exec(body.slice(pos, pos + 40));
      if (!w) break;
      const word = w[1];
      if (STOP.has(word.toLowerCase())) break;
      // "$11 billion pipeline": adjectives and nouns; stop at a verb-like "-ed"/"-ing" after a noun.
      if (words.length && /(?:ed|ing|ly)$/.test(word) && !/^(?:armed|based|led)$/.test(word)) break;
      words.push(word);
      pos += w[0].length;
    }
    if (words.length) end = pos;
    if (!words.length && !currency && !mult) continue;
    let subject = words.length ? words.join(" ") : null;
    if (
      subject &&
      NATIONAL_HEADS.test(words[words.length - 1]) &&
      !words.some((w) => DEMONYMS[w] || COUNTRY_TO_DEMONYM[w])
    ) {
      const nation = nationBefore(body, start);
      if (nation) subject = `${nation} ${subject}`;
    }
    let value = n * (mult && MULTIPLIER[mult] ? MULTIPLIER[mult] : 1);
    if (!Number.isFinite(value)) value = n;
    const unit = currency ? currency : mult === "percent" || mult === "per cent" || mult === "%" ? "percent" : null;
    out.push({
      text: body.slice(start, end),
      value,
      qualifier: qualRaw ? qualRaw.toLowerCase() : null,
      unit,
      subject,
      start,
      end,
    });
  }
  return out;
}

/** The nearest nation named before `pos` in the same sentence, as a demonym ("Russia" -> "Russian"). */
function nationBefore(body: string, pos: number): string | null {
  let s = pos;
  while (s > 0 && !/[.!?\n]/.test(body[s - 1])) s--;
  const left = body.slice(s, pos);
  const re = /\b(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/gu;
  let best: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(left))) {
    const w = m[1].replace(/['’]s$/, "");
    const first = w.split(" ")[0];
    const d = DEMONYMS[w] && !["Western", "European", "NATO"].includes(w) ? w : null;
    const c =
      COUNTRY_TO_DEMONYM[w] ??
      CAPITAL_TO_DEMONYM[w] ??
      COUNTRY_TO_DEMONYM[first] ??
      CAPITAL_TO_DEMONYM[first] ??
      (DEMONYMS[first] && !["Western", "European", "NATO"].includes(first) ? first : null);
    if (d ?? c) best = d ?? c;
  }
  return best;
}
