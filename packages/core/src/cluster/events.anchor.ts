import type { Article } from "../schema/article.ts";

/** What an article's lead says about its main happening: where, which day, and whether it is still to come. */
export interface EventAnchor {
  /** The place the lead names for the happening ("Stockholm"), or null. */
  place: string | null;
  /** The weekday the lead names for it ("thursday"), lower case, or null. */
  weekday: string | null;
  /** True when the lead announces the happening ("will meet ... in Stockholm on Thursday"). */
  announced: boolean;
  /** The lead sentence the anchor was read from. */
  sentence: string | null;
  /** True when an event word governs the place ("meeting in Stockholm"), not just any "in <Place>". */
  strong: boolean;
  /** The title and lead sentences, lower case: what the article says first. */
  lead: string;
}

const ABBREV =
  /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Gen|Lt|Col|Gov|Rep|Prof|Rev|Mt|Ft|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|etc|Inc|Corp|Co|Ltd))\.$/;

/**
 * Splits text into sentences (lines first, then terminal punctuation), not breaking after
 * initials and common abbreviations ("U.S.", "Mr.", "Antony J. Blinken").
 * @example splitSentences("Mr. Blinken met Lavrov. They spoke.") // ["Mr. Blinken met Lavrov.", "They spoke."]
 */
export function splitSentences(text: string): string[] {
  return [...sentencesOf(text)];
}

/** `splitSentences`, lazily: the lead needs only the first few sentences of a long body. */
function* sentencesOf(text: string): Generator<string> {
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const re = /[.!?]["'”’)]*\s+(?=["“(‘']?[A-Z0-9])/g;
    for (const m of line.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].trimEnd().length;
      const head = line.slice(start, end).replace(/["'”’)]+$/, "");
      if (ABBREV.test(head)) continue;
      yield line.slice(start, end).trim();
      start = (m.index ?? 0) + m[0].length;
    }
    const rest = line.slice(start).trim();
    if (rest) yield rest;
  }
}

/** The first `count` sentences of at least eight words: short lines at the top are headlines, datelines and kickers. */
function leadOf(body: string, count: number): string[] {
  const long = (s: string) => s.split(/\s+/).length >= 8;
  // Counts that slice() reads differently (negative, fractional) take the long way.
  if (!Number.isInteger(count) || count < 0) return [...sentencesOf(body)].filter(long).slice(0, count);
  const out: string[] = [];
  if (count === 0) return out;
  for (const s of sentencesOf(body)) {
    if (!long(s)) continue;
    out.push(s);
    if (out.length >= count) break;
  }
  return out;
}

/** Words naming a happening that has a place: meetings and talks, but also crimes, disasters, arrests. */
const EVENT_WORDS =
  /\b(meet(?:s|ing|ings)?|met|talks?|summit|conference|ministerial|session|negotiations?|visit(?:s|ed|ing)?|spoke|speak|ceremony|rally|vote|election|attack(?:ed|s)?|shooting|shot|killed|died|crash(?:ed)?|explosion|blast|earthquake|quake|fire|arrest(?:ed)?|robbery|robbed|struck|hit|fell|collapsed?)\b/i;
/**
 * An announcement: a future marker governing a happening verb ("will meet", "is scheduled to hold",
 * "will speak with Lavrov"), not any "will" in the sentence ("said the U.S. will impose sanctions,
 * speaking in Stockholm" is a report).
 */
const FUTURE =
  /\b(?:will|shall|to|set to|scheduled to|plans? to|expected to|due to)\s+(?:\w+\s+){0,2}?(?:meet|hold|visit|speak|travel|attend|host|talk|gather|convene|sign|vote)\b|\b(?:is|are) (?:scheduled|set|due|expected) to\b|\bnext week\b/i;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const NOT_PLACE = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "this",
  "that",
  "which",
  "what",
  "person",
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
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "washington's",
  "part",
  "order",
  "response",
  "addition",
  "fact",
  "support",
  "front",
]);

/** "in Stockholm", "in Aoraki / Mt. Cook", "in New Zealand": the capitalised phrase after "in"/"at". */
function placesIn(sentence: string, known: Set<string>): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(/\b(?:in|at)\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})/g)) {
    const words = m[1].replace(/[.,]+$/, "").split(/\s+/);
    // "in Geneva On Thursday" style headline capitals: cut at the first word that is not a name.
    const kept: string[] = [];
    for (const w of words) {
      if (NOT_PLACE.has(w.toLowerCase())) break;
      kept.push(w);
    }
    const place = kept.join(" ").replace(/['’]s$/, "");
    if (!place || NOT_PLACE.has(place.toLowerCase())) continue;
    if (known.size > 0 && !known.has(place.toLowerCase()) && !known.has(kept[0].toLowerCase())) continue;
    out.push(place);
  }
  return out;
}

/**
 * Reads the lead (title and first sentences) of an article for the place and day of its main
 * happening, and whether it reports it or announces it. Places come from the article's place
 * entities when the extractors found any, else from "in <Capitalised>" phrases.
 * @example eventAnchor(article) // { place: "Stockholm", weekday: "thursday", announced: true, ... } for "Blinken will meet Lavrov in Stockholm on Thursday"
 */
export function eventAnchor(a: Article, leadSentences = 3): EventAnchor {
  const known = new Set<string>();
  for (const e of a.entities)
    if (e.type === "place") for (const n of [e.name, ...e.aliases]) known.add(n.toLowerCase());
  const sentences = leadOf(a.body, leadSentences);
  const lead = `${a.title ?? ""}\n${sentences.join("\n")}`.toLowerCase();
  let fallback: EventAnchor | null = null;
  for (const s of sentences) {
    const found = placesIn(s, known);
    if (found.length === 0) continue;
    // "an OSCE summit in Stockholm" beats "Cooperation in Europe": prefer the place an event word governs.
    const governed = found.find((p) => EVENT_WORDS.test(s.slice(Math.max(0, s.indexOf(p) - 30), s.indexOf(p))));
    const place = governed ?? found[0];
    const weekday = s.match(WEEKDAY)?.[1]?.toLowerCase() ?? a.published.weekday?.toLowerCase() ?? null;
    const before = s.slice(0, s.indexOf(place));
    const anchor: EventAnchor = {
      place,
      weekday,
      announced: FUTURE.test(before),
      sentence: s,
      strong: governed !== undefined,
      lead,
    };
    if (EVENT_WORDS.test(s)) return anchor;
    fallback ??= anchor;
  }
  const place = a.dateline?.place?.split(",")[0]?.trim() ?? null;
  if (fallback) return fallback;
  const weekday = sentences.join(" ").match(WEEKDAY)?.[1]?.toLowerCase() ?? a.published.weekday?.toLowerCase() ?? null;
  return { place: place ? titleCase(place) : null, weekday, announced: false, sentence: null, strong: false, lead };
}

function titleCase(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : s;
}

/**
 * True when two leads place their happenings in different places and neither lead names the
 * other's place: then they cannot be one event, however alike their words are (two meetings of
 * the same ministers, in Stockholm and in Geneva). Leads that name both places ("an earthquake in
 * Indonesia's Sumatra" / "a quake in Sumatra") may be one event. Only the leads count: a report
 * recalls earlier happenings further down (000 recalls the June summit in Geneva).
 * @example anchorsConflict(eventAnchor(a000), eventAnchor(a002)) // true: Stockholm vs Geneva
 */
export function anchorsConflict(a: EventAnchor, b: EventAnchor): boolean {
  if (!a.strong || !b.strong || !a.place || !b.place) return false;
  const pa = a.place.toLowerCase();
  const pb = b.place.toLowerCase();
  if (pa === pb || pa.includes(pb) || pb.includes(pa)) return false;
  return !b.lead.includes(pa) && !a.lead.includes(pb);
}

/**
 * `anchorsConflict` for every pair of a batch, by index: the places are lower-cased once per batch
 * instead of once per pair (a 400-article story has 80,000 pairs).
 */
export function anchorConflicts(anchors: EventAnchor[]): (i: number, j: number) => boolean {
  const place = anchors.map((a) => (a.strong && a.place ? a.place.toLowerCase() : null));
  return (i, j) => {
    const pa = place[i];
    const pb = place[j];
    if (pa === null || pb === null || pa === pb || pa.includes(pb) || pb.includes(pa)) return false;
    return !anchors[j].lead.includes(pa) && !anchors[i].lead.includes(pb);
  };
}
