// Numeric claims: a figure with its qualifier ("more than"), unit and subject ("Russian troops"), so
// fusion can line up "90,000 troops" against "nearly 100,000 Russian troops" across articles.
import type { ClaimTime, Entity, NumberClaim } from "../schema/article.ts";
import { DEMONYMS, speechLemma } from "./gazetteer.ts";

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

const CURRENCY_SYMBOL: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP" };
const CURRENCY_WORD: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  yen: "JPY",
  yuan: "CNY",
  ruble: "RUB",
  rubles: "RUB",
  rouble: "RUB",
  roubles: "RUB",
  francs: "CHF",
  rupees: "INR",
};
/** A unit of measure right after a figure ("150 nautical miles", "3 tons"): the claim's unit. */
const MEASURE_UNIT =
  /^\s+((?:nautical\s+|square\s+|cubic\s+)?(?:miles?|kilomet(?:er|re)s?|km|feet|foot|met(?:er|re)s?|yards?|inch(?:es)?|tons?|tonnes?|pounds?|kilograms?|kg|grams?|acres?|hectares?|barrels?|gallons?|lit(?:er|re)s?|degrees?|mph|kph))\b/i;
/** "200 West American Boulevard", "the 200 block of Lyndale Avenue": a street address, not a figure. */
const ADDRESS_AFTER =
  /^\s+(?:block\s+of\s+)?(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Pl\.?|Court|Ct\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Terrace|Circle|Square)\b/u;
/** Words before a number that make it a name or an id ("Flight 103", "No. 5", "Route 66"). */
const ID_BEFORE =
  /(?:\b(?:No|Nos|no|Number|number|Flight|flight|Route|route|Highway|highway|Interstate|Room|room|Apt|Suite|Gate|gate|Pier|Platform|Terminal|Channel|Precinct|Ward|District|Article|Section|Chapter|Bill|Item|Exit|exit|Unit|unit|Lot|Engine|Ladder|Squad|Station|Box|Case|case|Code|code|ID|Jersey|jersey|Model|Version|Level|Stage|Phase|Grade|Class|Category|Apollo|Pan\s+Am|Mass|Block|Ch|Vol|Fig|Table|Track)\.?\s+|#\s*)$/;
/** A person's name and a comma right before the number, and a comma or bracket after: an age ("Smith, 45,"). */
const AGE_BEFORE = /\p{Lu}[\p{L}'’.-]+,\s+$|\(\s*$|\baged?\s+$/u;
const AGE_AFTER = /^\s*(?:,|\)|;|\.|\s+(?:and|of|from|who)\b)/;

const MONTH_NAMES = [
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
];
const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
/** Words in a figure's clause that date it. */
const TIME_WORDS = new RegExp(
  `\\b(?:(?:in|since|by|during|as of|until|through|from)\\s+(?:early |late |mid-?)?(?:${MONTH})(?:\\s+\\d{1,2})?(?:,?\\s+(?:19|20)\\d\\d)?|(?:in|since|by|during|as of|until)\\s+(?:19|20)\\d\\d|last\\s+(?:year|month|week|spring|summer|fall|autumn|winter|decade)|(?:a|one|two|three|four|five|six|several)\\s+(?:years?|months?|weeks?)\\s+(?:ago|earlier|before))\\b`,
  "i",
);
/** Words right before a figure or its subject that put it in the past ("its previous 100,000 troops"). */
const PAST_BEFORE = /\b(?:previous|former|earlier|prior|original|initial|then|past)\s+(?:\p{L}+\s+)?$/iu;
/** Attribution verbs for a figure: who says, claims or estimates it. */
const CLAIM_VERBS = new Set([
  ...["say", "tell", "claim", "state", "report", "announce", "estimate", "allege", "assert", "add", "note", "warn"],
  ...["confirm", "insist", "argue", "write", "tweet", "testify", "predict", "acknowledge", "concede", "deny"],
]);
const claimVerb = (w: string): boolean => {
  const l = speechLemma(w);
  if (l) return CLAIM_VERBS.has(l);
  return /^(?:estimates?|estimated|estimating|reckons?|reckoned|puts?|counted|counts?)$/i.test(w);
};

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
    const after = body.slice(m.index + whole.length, m.index + whole.length + 60);
    const before = body.slice(Math.max(0, m.index - 30), m.index);
    // Scores ("won 3-1"), street addresses, ids and ages are not claims.
    if (/^[-–]\d/.test(after) || /\d[-–]$/.test(before)) continue;
    if (!currency && !multRaw && (ADDRESS_AFTER.test(after) || ID_BEFORE.test(before))) continue;
    if (!currency && !multRaw && AGE_BEFORE.test(before) && AGE_AFTER.test(after) && Number(digits) < 120) continue;
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
    // "200 million euros": the currency word is the unit, the words after it the subject.
    let currencyCode = currency ? CURRENCY_SYMBOL[currency] : null;
    if (words.length && CURRENCY_WORD[words[0].toLowerCase()]) {
      currencyCode = CURRENCY_WORD[words.shift()!.toLowerCase()];
    }
    if (!words.length && !currencyCode && !mult) continue;
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
    const measure = MEASURE_UNIT.exec(body.slice(m.index + whole.length, m.index + whole.length + 30));
    const unit =
      currencyCode ??
      (mult === "percent" || mult === "per cent" || mult === "%"
        ? "percent"
        : measure
          ? measure[1].toLowerCase()
          : null);
    out.push({
      text: body.slice(start, end),
      value,
      qualifier: qualRaw ? qualRaw.toLowerCase() : null,
      unit,
      currency: currencyCode,
      subject,
      claimant: claimantOf(body, start, end, _entities),
      time: timeOf(body, start, end),
      start,
      end,
    });
  }
  return out;
}

/** The nearest nation named before `pos` in the same sentence, as a demonym ("Russia" -> "Russian"). */
function nationBefore(body: string, pos: number): string | null {
  let s = pos;
  while (s > 0 && pos - s < MAX_SENTENCE && !/[.!?\n]/.test(body[s - 1])) s--;
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

/** The clause a claim stands in: from the last clause break before it to the next one after it. */
function clauseAround(body: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (
    from > 0 &&
    start - from < MAX_SENTENCE &&
    !/[.!?;\n]/.test(body[from - 1]) &&
    !(body[from - 1] === "," && /\s/.test(body[from] ?? ""))
  )
    from--;
  let to = end;
  while (to < body.length && to - end < MAX_SENTENCE && !/[.!?;,\n]/.test(body[to])) to++;
  return { from, to };
}

/**
 * When a figure holds, from the words of its clause: "previous"/"former" before it puts it in the
 * past; "in June", "last year", "in 2020" date it (absolute years at once, the rest against the
 * article's date later, by `resolveClaimTime`); otherwise it holds at the article's date.
 * @example timeOf("Russia downsized its previous 100,000 troops.", 21, 42) // → { relation: "past", text: "previous", date: null }
 */
export function timeOf(body: string, start: number, end: number): ClaimTime {
  const past = PAST_BEFORE.exec(body.slice(Math.max(0, start - 30), start));
  if (past) return { relation: "past", text: past[0].trim().split(/\s+/)[0], date: null };
  const { from, to } = clauseAround(body, start, end);
  const m = TIME_WORDS.exec(body.slice(from, to));
  if (!m) return { relation: "current", text: null, date: null };
  const text = m[0];
  const year = /\b((?:19|20)\d\d)\b/.exec(text)?.[1];
  const month = MONTH_NAMES.findIndex((n) => new RegExp(`\\b${n}\\b`, "i").test(text));
  const date = year ? (month >= 0 ? `${year}-${String(month + 1).padStart(2, "0")}` : year) : null;
  return { relation: "dated", text, date };
}

/**
 * The date a claim's time words name, given the article's date: "in June" is the last June up to the
 * article, "last year" the year before it, "two months ago" that month. Null when it cannot be known.
 * @example resolveClaimTime({ relation: "dated", text: "in June", date: null }, "2021-12-02") // → "2021-06"
 */
export function resolveClaimTime(time: ClaimTime, articleDate: string | null): string | null {
  if (time.relation === "current") return articleDate;
  if (time.relation === "past") return null;
  if (time.date) return time.date;
  if (!articleDate || !time.text) return null;
  const [y, mo] = articleDate.split("-").map(Number);
  const t = time.text.toLowerCase();
  const month = MONTH_NAMES.findIndex((n) => t.includes(n));
  if (month >= 0) {
    const year = month + 1 > (mo ?? 12) ? y - 1 : y;
    return `${year}-${String(month + 1).padStart(2, "0")}`;
  }
  if (/last\s+year/.test(t)) return String(y - 1);
  const back = (months: number) => {
    const total = y * 12 + ((mo ?? 1) - 1) - months;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  };
  if (/last\s+month/.test(t)) return back(1);
  const ago = /(a|one|two|three|four|five|six|several)\s+(years?|months?|weeks?)/.exec(t);
  if (ago) {
    const n = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, several: 3 }[ago[1]] ?? 1;
    if (ago[2].startsWith("year")) return String(y - n);
    if (ago[2].startsWith("month")) return back(n);
    return articleDate;
  }
  return null;
}

/** Nouns for bodies of people that can give a figure ("U.S. and Ukrainian officials"). */
const GROUP_HEAD =
  /^(?:officials|sources|authorities|police|analysts|experts|estimates|officers|diplomats|ministry|government|agency|department|spokesman|spokeswoman|spokesperson|organizers|organisers|witnesses|residents|investigators|prosecutors|researchers|scientists|activists|groups?|reports?)$/i;

/**
 * Who the sentence says gives a figure: the subject of a speech or estimate verb in its sentence
 * ("Ukraine says Russia has massed ...", "Zakharova claimed ...", "... 20 dead, police said"), or the
 * object of "according to". A recognised entity is named as the article names it in full; a
 * pronoun subject ("what they say is") takes the sentence's opening noun phrase. Null when no one is named.
 */
function claimantOf(body: string, start: number, end: number, entities: Entity[]): string | null {
  const { from: s, to: e } = sentenceBounds(body, start, end);
  const sentence = body.slice(s, e);
  const index = mentionIndex(entities);
  /** The fullest name of an entity mentioned inside [from, to) of the sentence, people first. */
  const named = (from: number, to: number): string | null => {
    let best: Entity | null = null;
    for (let i = firstAtOrAfter(index, s + from); i < index.length && index[i].start < s + to; i++) {
      const { end: mEnd, entity } = index[i];
      if (mEnd <= s + to && (!best || (entity.type === "person" && best.type !== "person"))) best = entity;
    }
    return best?.name ?? null;
  };
  const acc = /\baccording to\s+((?:the\s+)?[^,.;]{2,60}?)(?=[,.;]|\s+(?:on|in|at|who|which|that)\b|$)/i.exec(sentence);
  if (acc) return named(acc.index + 13, acc.index + acc[0].length) ?? acc[1].replace(/^the\s+/i, "");
  const words = [...sentence.matchAll(/[\p{L}][\p{L}.'’-]*/gu)];
  const endOf = (k: number) => (words[k].index ?? 0) + words[k][0].length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const at = w.index ?? 0;
    if (!claimVerb(w[0])) continue;
    // A quotation between the attribution and the figure: the verb introduces someone's words, not the figure.
    const between = at < start - s ? sentence.slice(at, start - s) : sentence.slice(end - s, at);
    if (/["“”]/.test(between)) continue;
    // The subject: the words before the verb (auxiliaries aside), back to a clause break.
    let k = i - 1;
    while (k >= 0 && /^(?:has|have|had|also|then|later|now|would|will|could|previously|reportedly)$/i.test(words[k][0]))
      k--;
    if (k < 0) continue;
    const subjEnd = endOf(k);
    let j = k;
    while (
      j > 0 &&
      k - j < 7 &&
      !/[,;:"“”()]/.test(sentence.slice(endOf(j - 1), words[j].index ?? 0)) &&
      /^(?:\p{Lu}|and$|of$|to$|for$|the$|[a-z]+(?:ian|ese|ish)$|[a-z]+(?:man|woman|person|or|er|ist|ent|ary)s?$|officials?$|sources?$)/u.test(
        words[j - 1][0],
      ) &&
      !/^(?:The|A|An|But|And|With|In|On|At|As|While|When|After|Before|Also)$/.test(words[j - 1][0]) &&
      !/^(?:after|over|under|other|never|whether|later|ever|either|rather|together|however|order|number|per|or|for)$/.test(
        words[j - 1][0],
      )
    )
      j--;
    while (j < k && /^(?:and|of|to|for|the)$/.test(words[j][0])) j++;
    const subjStart = words[j].index ?? 0;
    const phrase = sentence.slice(subjStart, subjEnd);
    const last = words[k][0];
    if (/^(?:they|he|she|it|we|who|which|that)$/i.test(last)) {
      // "U.S. and Ukrainian officials ... what they say is": the sentence's opening noun phrase.
      const lead =
        /^((?:[\p{L}.'’-]+\s+){0,5}?(?:officials|sources|authorities|police|analysts|experts|diplomats|governments?|leaders))\b/iu.exec(
          sentence.replace(/^\s+/, ""),
        );
      if (lead) return lead[1];
      const person = named(0, at);
      if (person) return person;
      continue;
    }
    // The head of "Russia's ambassador to Washington" is the ambassador, not Washington.
    const conn = /\s(?:of|to|for)\s/.exec(phrase);
    const headEnd = conn ? subjStart + conn.index : subjEnd;
    const ent = named(subjStart, headEnd);
    if (ent && !conn) return ent;
    if (/^\p{Lu}/u.test(phrase) || GROUP_HEAD.test(last) || conn) return phrase;
  }
  return null;
}

/** Every entity mention sorted by start, built once per entity list (claims look names up by position). */
const mentionIndexes = new WeakMap<Entity[], { start: number; end: number; entity: Entity }[]>();
function mentionIndex(entities: Entity[]): { start: number; end: number; entity: Entity }[] {
  let index = mentionIndexes.get(entities);
  if (!index) {
    index = entities.flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })));
    index.sort((a, b) => a.start - b.start);
    mentionIndexes.set(entities, index);
  }
  return index;
}

function firstAtOrAfter(index: { start: number }[], pos: number): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sentences longer than this are read only this far around a claim (a text without full stops). */
const MAX_SENTENCE = 600;

const ABBREV_BEFORE_DOT =
  /(?:\b\p{Lu}|Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.N|U\.K)$/u;

/** The sentence around [start, end): back to the last full stop that ends a sentence (not "U.S.", "Mr."). */
function sentenceBounds(body: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < MAX_SENTENCE) {
    const c = body[from - 1];
    if (c === "\n") break;
    if (/[.!?]/.test(c) || (/["”]/.test(c) && /[.!?]/.test(body[from - 2] ?? ""))) {
      const dot = /[.!?]/.test(c) ? from - 1 : from - 2;
      if (/\s/.test(body[from] ?? " ") && !ABBREV_BEFORE_DOT.test(body.slice(Math.max(0, dot - 6), dot))) break;
    }
    from--;
  }
  let to = end;
  while (to < body.length && to - end < MAX_SENTENCE) {
    const c = body[to];
    if (c === "\n") break;
    if (
      /[.!?]/.test(c) &&
      /\s/.test(body[to + 1] ?? " ") &&
      !ABBREV_BEFORE_DOT.test(body.slice(Math.max(0, to - 6), to))
    )
      break;
    to++;
  }
  return { from, to };
}
