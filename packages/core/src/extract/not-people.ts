// Person spans that are not people. Both recognizers mark capitalised runs as persons when nothing
// else fits: "Traders said", "the Tokyo Stock Exchange" (split by a place the rules know), "aircraft
// carrier Enterprise", "Tiananmen Square". These checks read the span and the words around it; they
// retype the span (an organisation, a place) when its head says what it is, and drop it otherwise.
import type { MentionSpan, MentionType } from "./mentions.ts";
import { DEMONYMS, FEMALE_NAMES, MALE_NAMES, NOT_NAMES, ORG_HEADS, PLACE_HEADS, ROLE_NOUNS } from "./gazetteer.ts";

const words = (s: string): Set<string> => new Set(s.split("|"));

/**
 * Plural nouns for groups of people ("Traders said", "Officials told"): a sentence may start with
 * one and a speech verb may follow, which is all a single-name person needs.
 */
const GROUP_NOUNS = words(
  "traders|dealers|brokers|analysts|economists|investors|officials|authorities|investigators|police|witnesses|" +
    "eyewitnesses|residents|neighbors|neighbours|sources|experts|observers|critics|protesters|demonstrators|" +
    "voters|supporters|workers|doctors|scientists|researchers|diplomats|lawmakers|legislators|politicians|" +
    "officers|troops|soldiers|rebels|militants|students|teachers|parents|children|kids|men|women|people|others|" +
    "newspapers|reports|participants|organizers|organisers|organizers|fans|players|managers|executives|" +
    "bankers|strategists|forecasters|farmers|miners|boatmen|fishermen|gunmen|policemen|servicemen|spokesmen|" +
    "congressmen|firefighters|paramedics|prosecutors|" +
    "lawyers|judges|relatives|survivors|victims|passengers|travellers|travelers|villagers|citizens|americans|" +
    "democrats|republicans|conservatives|liberals|both|many|several|some|most|all|notes|bonds|stocks|shares|" +
    "futures|prices|markets|sales|exports|imports|earnings|profits|results",
);

/** Common nouns and adjectives that head a capitalised phrase but never a person's name. */
const NOT_NAME_HEADS = words(
  "Exchange|Exchanges|Championship|Championships|Tournament|Open|Trophy|Cup|Bowl|Series|League|Division|Stadium|" +
    "Arena|Airport|Station|Hospital|Hotel|Square|Park|Hole|Gate|Tower|Palace|Cathedral|Mosque|" +
    "Road|Drive|Boulevard|Plaza|Highway|Avenue|Street|March|Record|Records|Controls|Safety|" +
    "Data|Cement|Oil|Gas|Motors|Futures|Options|Receipts|Bonds|Notes|Shares|Stocks|Traders|Dealers|Brokers|" +
    "Sox|Force|Forces|Commissioner|Game|Games|Prize|Awards|Festival|Show|Film|Movie|Album|Book|List|" +
    "Index|Fund|Trust|Eurodollars|Postponed|Playing|Buckled|SA|SpA|S.A.|AG|NV|N.V.|PLC|Plc|plc|GmbH|Bhd|ASA|AB|" +
    "Honda|Toyota|Mercedes|Mercedes-Benz|Cosworth|Ferrari|Renault|Peugeot|Yamaha|Ducati|Porsche|BMW|Nissan|" +
    "Peninsula|Region|Province|District|Valley|Island|Islands|Mountains",
);
/** Head words of organisations and places that are also common surnames ("Frank Church", "Carla Hills"). */
const SURNAME_HEADS = words("Church|House|Court|Hills|Post|Bridge|Beach|Guard");
const TRAILING_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** Corporate suffixes: what ends in one is a company. */
const CORPORATE = words("SA|SpA|S.A.|AG|NV|N.V.|PLC|Plc|plc|GmbH|Bhd|ASA|AB|Inc|Inc.|Corp|Corp.|Ltd|Ltd.|LLC");
/** Titles that the model sometimes keeps inside the name ("King Sihanouk"): the person is the rest. */
const LEADING_TITLES = words(
  "King|Queen|Prince|Princess|Emperor|Empress|Pope|Cardinal|Archbishop|Bishop|Sheikh|Sultan|Emir|General|" +
    "Gen.|Colonel|Col.|Captain|Capt.|Lieutenant|Lt.|Maj.|Admiral|Adm.|Sergeant|Sgt.|Marshal|Former|" +
    "President|Premier|Chancellor|Governor|Gov.|Senator|Sen.|Judge|Justice|Coach|Saint|St.|Lord|Lady|Sir|Dame",
);
/** Lower-case nouns after a name that make it the name of a place or a thing ("Kosevo stadium"). */
const VENUE_AFTER =
  /^\s+(?:stadium|airport|port|harbou?r|station|street|avenue|boulevard|road|square|park|bridge|hospital|hotel|prison|camp|symposium|movement|region|province|district|valley|mountains?|river|lake|island|peninsula)\b/;
/** A name that modifies a law or a programme ("the Brady gun-control law", "Obama doctrine") is not its bearer. */
const LAW_AFTER = /^\s+(?:[a-z]+(?:-[a-z]+)*\s+)?(?:law|bill|act|amendment|doctrine|rule|loophole)\b/;
/** Lower-case nouns before a name that make it the name of a vessel or a work ("aircraft carrier Enterprise"). */
const THING_BEFORE =
  /\b(?:carrier|ship|vessel|frigate|destroyer|submarine|cruiser|liner|tanker|ferry|yacht|film|movie|novel|book|biography|album|song|newspaper|daily|weekly|magazine|agency|firm|company|group|brand|team|club|side)\s+(?:the\s+)?$/i;
/** Pronouns and contractions that a capital at a sentence start can make look like a name. */
const PRONOUN = /^(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll)$/;

const DEMONYM_WORDS = new Set(Object.keys(DEMONYMS).flatMap((d) => [d, `${d}s`, d.replace(/an$/, "ans")]));
for (const w of ["Jewish", "Islamic", "Muslim", "Muslims", "Christian", "Christians", "Arab", "Arabs", "Kuwaiti"])
  DEMONYM_WORDS.add(w);
// Party and camp names ("Republican", "Democrats") are affiliations, not people.
for (const w of ["Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Conservative", "Conservatives"])
  DEMONYM_WORDS.add(w);
// Holidays and seasons are dates, not people.
for (const w of ["Christmas", "Easter", "Thanksgiving", "Hanukkah", "Ramadan", "Passover", "Halloween"])
  DEMONYM_WORDS.add(w);
for (const w of ["Kuwaitis", "Iraqis", "Scots", "Kurds", "Israelis", "Palestinians", "Saudis", "Afghans", "Britons"])
  DEMONYM_WORDS.add(w);

/** The plural of a role noun ("analysts", "officials") names a group, never one person. */
function isGroupNoun(word: string): boolean {
  const l = word.toLowerCase();
  if (GROUP_NOUNS.has(l)) return true;
  if (l.endsWith("s") && ROLE_NOUNS.has(l.slice(0, -1))) return true;
  return false;
}

/**
 * What a span typed as a person really is: the span itself (possibly without a leading title), another
 * type, or null when it is no name at all.
 * @example reclassifyPerson("Traders said prices fell.", { start: 0, end: 7, type: "PER" }, []) // → null
 */
export function reclassifyPerson(body: string, s: MentionSpan, others: MentionSpan[]): MentionSpan | null {
  let text = body.slice(s.start, s.end);
  let start = s.start;
  // "(Jerry) Koosman", "Brentford3": punctuation or digits inside are not part of a person's name.
  if (/[\d()[\]{}:;!?"“”]/.test(text)) return null;
  let toks = text.split(/\s+/);
  while (toks.length > 1 && LEADING_TITLES.has(toks[0])) {
    start += text.indexOf(toks[1], toks[0].length);
    text = body.slice(start, s.end);
    toks = text.split(/\s+/);
  }
  const retype = (type: MentionType): MentionSpan => ({ start: s.start, end: s.end, type });
  // "Anthony Phillip Lasalle Friday": a weekday or month glued to the end of a name is not part of it.
  let end = s.end;
  while (toks.length > 1 && TRAILING_DATE.test(toks[toks.length - 1])) {
    toks.pop();
    end = start + text.lastIndexOf(toks[toks.length - 1]) + toks[toks.length - 1].length;
    text = body.slice(start, end);
  }
  const span: MentionSpan = { start, end, type: "PER" };
  const last = toks[toks.length - 1];
  if (PRONOUN.test(text)) return null;
  if (toks.every((t) => isGroupNoun(t) || (toks.length > 1 && (NOT_NAMES.has(t) || t === "Add")))) return null;
  if (toks.length === 1 && DEMONYM_WORDS.has(text)) return retype("MISC");
  // A head word alone ("Club") names nothing; after a name it says what the name is.
  const head = (type: MentionType): MentionSpan | null => (toks.length > 1 ? retype(type) : null);
  if (CORPORATE.has(last) || (ORG_HEADS.has(last) && !SURNAME_HEADS.has(last))) return head("ORG");
  if (PLACE_HEADS.has(last) && !SURNAME_HEADS.has(last)) return head("LOC");
  if (NOT_NAME_HEADS.has(last) || isGroupNoun(last)) return retype("MISC");
  const after = body.slice(s.end, s.end + 24);
  const lead = body.slice(Math.max(0, s.start - 30), s.start);
  // "was eventually Tasered": a capitalised participle after an auxiliary is a verb.
  if (
    toks.length === 1 &&
    /\p{Ll}ed$/u.test(text) &&
    /\b(?:was|were|been|being|got|is|are)\s+(?:\p{Ll}+ly\s+)?$/u.test(lead)
  )
    return null;
  // "Sam's Club": a possessive name that heads an organisation's name is part of that name.
  const owned = /^['’]s\s+(\p{Lu}[\p{L}.]*)/u.exec(after);
  if (owned && (ORG_HEADS.has(owned[1]) || CORPORATE.has(owned[1]))) return retype("ORG");
  // "Johnsonwas": a name glued to the word after it by scraping; the name is the part the text uses.
  // (Only words of three letters or more: "Putin", "Austin", "Kevin" end in "in" and "is" words.)
  const glued = /^(\p{Lu}\p{Ll}{2,}?)(was|were|said|says|and|the|who|had|has)$/u.exec(text);
  if (toks.length === 1 && glued && usesWord(body, glued[1]!))
    return { start, end: start + glued[1].length, type: "PER" };
  if (VENUE_AFTER.test(after)) return retype("LOC");
  // "than No Child Left Behind": a name run on from a capitalised function word mid-sentence is a
  // Title Case phrase (a law, a slogan), not a person.
  const runOn =
    /(?:^|\n|[.!?]\s+|\b\p{Ll}+\s+)(?:No|Not|Yes|The|And|Or|But|If|Of|For|With|Without|To|From|Every|All)(?:\s\p{Lu}\p{Ll}+)+\s$/u;
  if (runOn.test(body.slice(Math.max(0, s.start - 60), s.start))) return retype("MISC");
  if (LAW_AFTER.test(after)) return retype("MISC");
  // "Obamacare", "Bridgegate": a name with a common suffix is a policy or an affair.
  if (toks.length === 1 && /^\p{Lu}\p{Ll}+(?:care|gate)$/u.test(text)) return retype("MISC");
  if (THING_BEFORE.test(body.slice(Math.max(0, s.start - 24), s.start))) return retype("MISC");
  // The start of a longer name cut by a place the rules know ("Arab East Jerusalem"): a person's name
  // never runs into one. (A place before a name is a results table's country: "England N. Knight".)
  if (body[s.end] === " " && placeStarts(others).has(s.end + 1)) return retype("MISC");
  // A title in quotation marks ("The Crying Game", "Strike Hard" campaign) is a work, not a person.
  const open = body.slice(Math.max(0, s.start - 6), s.start);
  if (/["“]\s*(?:The\s+|A\s+)?$/.test(open) && /^\s*(?:['’]s\s+\p{L}+\s*)?["”]/u.test(body.slice(s.end, s.end + 12)))
    return retype("MISC");
  return span;
}

// Whether the body uses a word on its own, remembered for the last body: every "Putin" reads as "Put" +
// "in", and a scan of the whole body for each mention made a text with thousands of them quadratic.
let wordsOf: { body: string; seen: Map<string, boolean> } | null = null;
function usesWord(body: string, word: string): boolean {
  if (wordsOf?.body !== body) wordsOf = { body, seen: new Map() };
  let v = wordsOf.seen.get(word);
  if (v === undefined) {
    v = new RegExp(`\\b${word}\\b`).test(body);
    wordsOf.seen.set(word, v);
  }
  return v;
}

// Starts of the non-person, non-MISC spans of one recognizer output, built once per output: a scan of
// all spans for every person span made a text with 100,000 names take minutes.
const placeStartsOf = new WeakMap<MentionSpan[], Set<number>>();
function placeStarts(spans: MentionSpan[]): Set<number> {
  let starts = placeStartsOf.get(spans);
  if (!starts) {
    starts = new Set(spans.filter((o) => o.type !== "PER" && o.type !== "MISC").map((o) => o.start));
    placeStartsOf.set(spans, starts);
  }
  return starts;
}

/**
 * Applies `reclassifyPerson` to every person span of a recognizer's output.
 * @example filterPersonSpans(body, recognize(body))
 */
export function filterPersonSpans(body: string, spans: MentionSpan[]): MentionSpan[] {
  const out: MentionSpan[] = [];
  // Surnames the recognizer gives people anywhere in the text: "Biden-Putin" joins two of them.
  const surnames = new Set<string>();
  for (const s of spans)
    if (s.type === "PER") {
      const t = body.slice(s.start, s.end).split(/\s+/);
      surnames.add(t[t.length - 1]);
    }
  for (const s of spans) {
    const text = body.slice(s.start, s.end);
    // "U." of "the U.S, and": an abbreviation cut at its period names nothing.
    if (/^\p{Lu}\.$/u.test(text)) continue;
    // "the Biden-Putin summit", "Lavrov-Blinken talks": two people, whatever the span's type.
    const pair = /^(\p{Lu}[\p{L}'’]+)[-–](\p{Lu}[\p{L}'’]+)$/u.exec(text);
    if (pair && surnames.has(pair[1]) && surnames.has(pair[2])) {
      const cut = s.start + pair[1].length;
      out.push({ start: s.start, end: cut, type: "PER" }, { start: cut + 1, end: s.end, type: "PER" });
      continue;
    }
    if (s.type !== "PER") {
      // A word of a quoted Title Case title ("Taking Action to Expose and Disrupt …") is part of the title.
      if (insideQuotedTitle(body, s)) continue;
      // "Sam's Club": a possessive word that heads an organisation's name is not a name of its own.
      const owned = /^['’]s\s+(\p{Lu}[\p{L}.]*)/u.exec(body.slice(s.end, s.end + 20));
      if (!/\s/.test(text) && owned && (ORG_HEADS.has(owned[1]) || CORPORATE.has(owned[1]))) continue;
      out.push(s);
      continue;
    }
    const r = reclassifyPerson(body, s, spans);
    if (r) out.push(r.type === "PER" ? withGivenName(body, r, spans) : r);
  }
  return out;
}

/** A single capitalised word that names a group ("Analysts"), a nationality or a pronoun, never a person. */
export function isNotPersonWord(word: string): boolean {
  return isGroupNoun(word) || DEMONYM_WORDS.has(word) || PRONOUN.test(word);
}

/**
 * "Christine Todd Whitman" tagged as "Todd Whitman": a given name written right before a person's
 * span, and in no other span, is part of the name (it also tells the person's gender).
 */
// Starts of one recognizer output's spans in order, with the largest end up to each: "does a span that
// starts before `before` end after `after`" by binary search, not a scan of every span per person.
const startOrderOf = new WeakMap<MentionSpan[], { starts: number[]; maxEnd: number[] }>();
function endsPast(spans: MentionSpan[], before: number, after: number): boolean {
  let idx = startOrderOf.get(spans);
  if (!idx) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    let m = Number.NEGATIVE_INFINITY;
    idx = { starts: sorted.map((o) => o.start), maxEnd: sorted.map((o) => (m = Math.max(m, o.end))) };
    startOrderOf.set(spans, idx);
  }
  let lo = 0;
  let hi = idx.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (idx.starts[mid]! < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && idx.maxEnd[lo - 1]! > after;
}

function withGivenName(body: string, s: MentionSpan, spans: MentionSpan[]): MentionSpan {
  const m = /(\p{Lu}\p{Ll}+) $/u.exec(body.slice(Math.max(0, s.start - 20), s.start));
  if (!m) return s;
  const start = s.start - m[0].length;
  if (!(FEMALE_NAMES.has(m[1]) || MALE_NAMES.has(m[1]))) return s;
  if (body.slice(s.start, s.end).split(/\s+/).length > 2) return s;
  if (endsPast(spans, s.start, start)) return s;
  return { ...s, start };
}

/** True when the span lies inside quotation marks, on one line, around Title Case words. */
function insideQuotedTitle(body: string, s: MentionSpan): boolean {
  // Only the 200 characters before the span are read: a title is short, and a scan back to the
  // line start for every span is quadratic on a text without line breaks.
  const from = Math.max(0, s.start - 200);
  const window = body.slice(from, s.start);
  const lineStart = from + window.lastIndexOf("\n") + 1;
  const open = from + Math.max(window.lastIndexOf("“"), window.lastIndexOf('"'));
  if (open < lineStart || open < from) return false;
  const before = body.slice(open + 1, s.start);
  if (/[”"]/.test(before)) return false;
  const closeRel = body.slice(s.end, s.end + 120).search(/[”"]/);
  if (closeRel < 0) return false;
  const inner = body.slice(open + 1, s.end + closeRel);
  if (inner.includes("\n")) return false;
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 4) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.6;
}
