// Direct quotations and who said them. Quoted spans are easy; the work is the attribution: a speech
// verb on either side of the quote, the subject of that verb (a name, a pronoun, a description, an
// organisation), interrupted quotes, continuation paragraphs, and leaving the speaker null (or the quote
// out) when the text names nobody.
import type { Entity, Quote, SpeakerKind } from "../schema/article.ts";
import { entityGender, type Gender } from "./entities.ts";
import { DEMONYMS, HONORIFICS, NOT_NAMES, ORG_HEADS, ROLE_NOUNS, speechLemma } from "./gazetteer.ts";
import { gazetteerType } from "./mentions.ts";
import { ABBREVIATIONS, floorIndex, sentenceStarts, tokenize, type Token } from "./text.ts";

/** A quoted span before attribution. `start`/`end` cover the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Offset of the opening mark, and of the closing mark (or the paragraph end when unclosed). */
  open: number;
  close: number;
  paragraph: number;
  /** The quotation runs on into the next paragraph (no closing mark before the paragraph ends). */
  unclosed: boolean;
}

const OPEN_CONTEXT = /[\s([{—–\-/:;,]/;

/**
 * Finds every double-quoted span, curly or straight. A quotation left open at the end of a paragraph
 * runs to the paragraph's end (the next paragraph reopens it), giving one span per paragraph.
 * Markup tags (`<tweet id="...">`) are skipped so their attribute quotes are not read as speech.
 *
 * @example
 * findQuoteSpans('He said "yes," and left.') // → [{ start: 9, end: 13, open: 8, close: 13, paragraph: 0, unclosed: false }]
 */
export function findQuoteSpans(body: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let para = 0;
  let open = -1;
  let openChar = "";
  let depth = 0;
  const push = (o: number, c: number, unclosed: boolean) => {
    let s = o + 1;
    let e = c;
    while (s < e && /\s/.test(body[s])) s++;
    while (e > s && /\s/.test(body[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(body.slice(s, e)))
      out.push({ start: s, end: e, open: o, close: c, paragraph: para, unclosed });
  };
  for (let i = 0; i < body.length; i++) {
    // Most characters are neither a quote mark, a line break nor a tag: skip them by code first.
    const code = body.charCodeAt(i);
    if (code !== 10 && code !== 34 && code !== 60 && code !== 0x201c && code !== 0x201d) continue;
    const c = body[i];
    if (c === "\n") {
      if (open >= 0) push(open, i, true);
      open = -1;
      // Blank lines do not start new paragraphs twice.
      if (i + 1 < body.length && body[i + 1] !== "\n") para++;
      continue;
    }
    if (c === "<" && /^<\/?[a-z][^<>]*>/i.test(body.slice(i, i + 400))) {
      const close = body.indexOf(">", i);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === "“") {
      if (open < 0) {
        open = i;
        openChar = c;
        depth = 0;
      } else if (openChar === '"' && !/[\p{L}\p{N}]/u.test(body[i + 1] ?? "")) {
        // "… he said.“ — a curly mark closing a straight quote.
        push(open, i, false);
        open = -1;
      } else if (openChar === '"') {
        depth++; // "PENCE: … an episode of “Shark Tank.” But …"
      } else if (/[^\s([—–-]/.test(body[i - 1]) && /[\s,.;:!?)]|^$/.test(body[i + 1] ?? "")) {
        // “Do you want that?“ he asked: a typo'd closing mark.
        push(open, i, false);
        open = -1;
      } else depth++; // a quote inside the quote: “… what he calls “hell” than …”
    } else if (c === "”") {
      if (open >= 0 && depth > 0) depth--;
      else if (open >= 0) {
        push(open, i, false);
        open = -1;
      }
    } else if (c === '"') {
      if (open < 0) {
        if (i === 0 || OPEN_CONTEXT.test(body[i - 1]) || body[i - 1] === "“") {
          open = i;
          openChar = c;
        } else if (!/[\p{L}\p{N}]/u.test(body[i + 1] ?? "")) {
          // A closing-looking mark with nothing open (e.g. after a line break inside a quote): ignore.
        } else {
          open = i;
          openChar = c;
        }
      } else if (depth > 0 && openChar === "“") {
        depth--;
      } else {
        push(open, i, false);
        open = -1;
      }
    }
  }
  if (open >= 0) push(open, body.length, true);
  return out;
}

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

interface Speaker {
  name: string | null;
  kind: SpeakerKind | null;
  id: string | null;
  /** The resolved person, for pronoun recency. */
  entity: Entity | null;
}

const NONE: Speaker = { name: null, kind: null, id: null, entity: null };

const PRONOUN_M = new Set(["he", "him", "his"]);
const PRONOUN_F = new Set(["she", "her"]);
const PRONOUN_OTHER = new Set([
  "i",
  "we",
  "they",
  "it",
  "you",
  "this",
  "that",
  "who",
  "which",
  "one",
  "some",
  "others",
  "many",
  "both",
  "all",
  "each",
  "someone",
  "somebody",
  "people",
]);
const AUX = new Set(
  "also|later|then|again|once|previously|recently|repeatedly|simply|just|quickly|flatly|publicly|privately|famously|" +
    "often|frequently|has|had|have|was|were|is|are|would|will|could|should|might|may|did|does|do|had|not|never|even|" +
    "still|reportedly|once|further|actually|has|been|being|went|on|to|who|later|previously|already|only|first|finally|" +
    "herself|himself|themselves|itself|now|ultimately|eventually|immediately|directly|explicitly|openly|bluntly|angrily|" +
    "calmly|softly|quietly|loudly|proudly|confidently|jokingly|sarcastically|recently|subsequently|separately|similarly|" +
    "likewise|meanwhile|however|too|therefore|thus|instead".split("|"),
);
const PREPOSITIONS = new Set(
  "of|for|to|with|by|from|at|about|against|on|in|into|toward|towards|over|under|between|among|than|like|after|before|during|versus|vs.|and|or|nor|but".split(
    "|",
  ),
);
const TITLE_CUES = /\b(?:entitled|titled|headlined)\s*[,:]?\s*$/i;
const DETERMINERS = /^(?:the|a|an|one|another|two|three|several|some|many|his|her|their|its|our|this|that)\s/i;
/** Verbs that attribute words but do not take a direct-quote complement alone ("called it X"). */
const WEAK_LEMMAS = new Set([
  "find",
  "believe",
  "think",
  "feel",
  "hope",
  "fear",
  "worry",
  "want",
  "know",
  "see",
  "consider",
  "view",
  "put",
  "point",
  "offer",
  "open",
  "close",
  "read",
  "post",
  "continue",
  "begin",
  "fire",
  "cast",
  "paint",
  "frame",
  "press",
  "push",
  "sum",
  "welcome",
  "cheer",
  "celebrate",
  "thank",
]);

/**
 * A person's speech noun and its preposition or that-clause right before a quote: "Biden's comment about a
 * “…”", "Trump’s claim that there have been “…”". With no
 * preposition the quote is a predicate on the noun ("calling Trump's charge “pathetic”"), someone else's words.
 */
/** A verb of imagining right before a clause: what the clause's subject "says" is the imaginer's invention. */
const IMAGINING_BEFORE =
  /\b(?:imagined|imagines|imagining|pictured|pictures|envisioned|envisions|fantasized|fantasised|speculated|mused)\s+(?:that\s+)?(?:[\p{L}.'’-]+\s+){1,4}$/u;
const SPEECH_NOUNS =
  "comments?|remarks?|words|phrase|phrasing|statements?|descriptions?|claims?|warnings?|pledges?|promises?|vows?|" +
  "assertions?|characterizations?|quips?|language|tweets?|references?|charges?|accusations?|insistence|suggestions?|" +
  "use|description|term|line|slogan|message|mantra|refrain|argument|retort|catchphrase";
/** "Rubio's catch phrase against Crist was that Crist “…”": a possessed speech noun, a copula, a that-clause. */
const POSSESSIVE_SPEECH_COPULA = new RegExp(
  `(\\p{Lu}[\\p{L}.-]*)['’]s\\s+(?:[a-z]+(?:-[a-z]+)*\\s+)?(?:${SPEECH_NOUNS})\\b[^,;:.!?“”"\\n]{0,60}?\\s(?:was|is|has been|had been|became|remains)\\s+that\\s+[^,;:.!?“”"\\n]{1,80}\\s$`,
  "u",
);
const POSSESSIVE_SPEECH =
  /(\p{Lu}[\p{L}.-]*)['’]s\s+(?:[a-z]+(?:-[a-z]+)*\s+)?(?:comments?|remarks?|words|phrase|phrasing|statements?|descriptions?|claims?|warnings?|pledges?|promises?|vows?|assertions?|characterizations?|quips?|language|tweets?|references?|charges?|accusations?|insistence|suggestions?|use|description|term|line|slogan|message|mantra)\s+(?:(?:about|of|on|that|to|for|as)\s+(?:(?:a|an|the|his|her|its|their|this|these|those|so-called)\s+)?|that\s+[^,;:.!?“”"\n]{1,80}\s)$/u;

/** After a name, a role it owns and then another name: "Rubio spokesman Alex Conant", "Hunter’s chief of staff, Joe Kasper". */
const ROLE_OF_NAME =
  /^(?:['’]s\s+(?:[\p{L}-]+\s+){0,3}?|\s+(?:[a-z-]+\s+){0,3}?)(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|ally|speechwriter|strategist|pollster|lawyer|attorney|manager|chief|director|secretary|staffer|surrogate|consultant)(?:\s+of\s+staff)?,?\s+\p{Lu}/u;

const surnameKey = (name: string): string =>
  (
    name
      .split(/\s+/)
      .filter((w) => !/^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(w))
      .pop() ?? ""
  ).toUpperCase();

// A verb never follows these directly ("a flurry of tweets"); "to" is left out for infinitives.
const NOUN_PREPOSITIONS = new Set([
  "of",
  "for",
  "with",
  "in",
  "on",
  "from",
  "about",
  "by",
  "at",
  "into",
  "over",
  "under",
  "after",
  "before",
  "during",
  "between",
  "among",
  "than",
  "like",
]);
/** Verbs that open a reported-speech sentence and own everything quoted after them. */
const OPENING_VERBS = new Set([
  "say",
  "tell",
  "note",
  "add",
  "argue",
  "claim",
  "insist",
  "write",
  "tweet",
  "explain",
  "contend",
  "complain",
  "recall",
  "warn",
  "declare",
  "state",
  "assert",
  "point",
]);
const DETERMINER_WORDS = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "its",
  "their",
  "our",
  "my",
  "your",
  "this",
  "that",
  "these",
  "those",
  "no",
  "any",
  "every",
  "each",
  "another",
  "whose",
]);

/** A speech-verb word used as a noun: after a determiner or a possessive ("Trump's charge"). */
function isNounUse(body: string, t: Token, prev: Token | undefined): boolean {
  if (!prev) return false;
  const p = prev.text.toLowerCase();
  if (DETERMINER_WORDS.has(p)) return true;
  // ("for saying" is a gerund, still a verb.)
  if (NOUN_PREPOSITIONS.has(p) && !t.text.endsWith("ing")) return true;
  // "over-the-top comments", "late-night tweets": after a hyphenated adjective.
  if (/^[a-z]+(?:-[a-z]+)+$/.test(prev.text) && /s$/.test(t.text)) return true;
  const gap = body.slice(prev.end, t.start);
  return /^['’]s\s+$/.test(gap);
}

/** A speech verb token (lower-case word in the list, not part of a name). */
function lemmaOf(tok: Token): string | null {
  const c = tok.text.charCodeAt(0);
  // "Said Comey, “…”": a sentence-initial inverted verb.
  if (tok.text === "Said" || tok.text === "Says" || tok.text === "Added" || tok.text === "Asked")
    return speechLemma(tok.text.toLowerCase());
  if (c < 97 || c > 122) return null;
  return speechLemma(tok.text);
}

export interface ExtractQuotesOptions {
  /**
   * Quotes with no attribution are kept only from this many words up (shorter ones are scare quotes,
   * nicknames or titles). Default 1 (keep all): on the PolNeAR dev set 3 of 4 unattributed quotes are gold.
   */
  minUnattributedWords?: number;
}

const TITLE_SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "in",
  "on",
  "for",
  "to",
  "with",
  "at",
  "by",
  "from",
  "de",
  "la",
  "para",
]);

/** Where a title stands: after a possessive, "on/of/in/with", a media noun or "according to". */
const TITLE_CONTEXT =
  /(?:\p{L}['’]s|\b(?:on|of|in|with|told|to|according to)|\b(?:book|film|movie|documentary|podcast|memoir|novel|song|album|series|show|program|article|column|essay|commentary|op-ed|pseudonym|nickname|website|blog|newsletter|hashtag|segment|magazine)\s*,?)\s*$/u;
/** Nouns after a quoted Title Case name that make it the name of a thing ("“Ted Cruz” campaign pin"). */
const THING_AFTER =
  /^[,.]?\s+(?:campaign\s+pins?|hats?|pins?|buttons?|signs?|shirts?|t-shirts?|banners?|caps?|stickers?|logo|bumper)\b/i;
/** A list of words or titles opens: "words such as “ambassador,” “attack,” …", "roles in “Apollo 13,” …". */
const LIST_LEAD = /\b(?:such as|terms|phrases|titles|roles in)\s*["“]?$/i;

/** Title Case text ("Face the Nation", "Gang of Eight"): a title or nickname, not speech. */
function titleLike(text: string): boolean {
  const words = text
    .replace(/[.,!?;:]+$/, "")
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > (text.includes(":") ? 16 : 8)) return false;
  if (!/^\p{Lu}/u.test(words[0])) return false;
  // Every word capitalised except the small words titles keep lower-case ("Fox and Friends").
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

/**
 * Finds direct quotations in an article body and attributes each to a speaker resolved to the article's
 * entities ("he said" -> the right person, "the official" -> the described official). Quotes inside no
 * attribution (scare quotes, titles) are left out; a quote whose speaker the text does not give keeps
 * `speaker: null`.
 *
 * @example
 * const body = '"We are ready," Antony Blinken said. "Talks matter."';
 * extractQuotes(body, extractEntities(body)).map((q) => [q.text, q.speaker]);
 * // → [["We are ready,", "Antony Blinken"], ["Talks matter.", "Antony Blinken"]]
 */
export function extractQuotes(body: string, entities: Entity[], opts: ExtractQuotesOptions = {}): Quote[] {
  const minUnattributed = opts.minUnattributedWords ?? 1;
  const spans = findQuoteSpans(body);
  if (!spans.length) return [];
  const sents = sentenceStarts(body);
  // Mask quoted text so verbs and names inside other quotes are not read as attribution.
  const opens = spans.map((s) => s.open);
  const tweets: [number, number][] = [];
  if (body.includes("<tweet"))
    for (const m of body.matchAll(/<tweet\b[^]*?(?:<\/tweet>|<tweet\/>)/g))
      tweets.push([m.index, m.index + m[0].length]);
  const insideTweet = (pos: number): boolean => tweets.some(([a, b]) => a <= pos && pos < b);
  const inQuote = (pos: number): boolean => {
    const i = floorIndex(opens, pos);
    return i >= 0 && pos <= spans[i].close;
  };
  // Tokenise once; windows are cut from this array by binary search.
  const allToks = tokenize(body);
  const tokStarts = allToks.map((t) => t.start);
  const toksIn = (from: number, to: number): Token[] => {
    let i = floorIndex(tokStarts, from);
    if (i < 0 || allToks[i].start < from) i++;
    const out: Token[] = [];
    for (; i < allToks.length && allToks[i].end <= to; i++) out.push(allToks[i]);
    return out;
  };
  const mentions: MentionRef[] = [];
  // Places are left out: as speakers ("China said") they cost more than they gained on the dev set.
  for (const e of entities)
    if (e.type !== "place") for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e });
  mentions.sort((a, b) => a.start - b.start);
  const mentionStarts = mentions.map((m) => m.start);
  const genders = new Map<string, Gender>();
  for (const e of entities) if (e.type === "person") genders.set(e.id, entityGender(e));
  const personAt = (start: number, end: number, kind?: "person" | "organization"): MentionRef[] => {
    const res: MentionRef[] = [];
    let i = Math.max(0, floorIndex(mentionStarts, start) - 1);
    for (; i < mentions.length && mentions[i].start < end; i++) {
      const m = mentions[i];
      if (m.end <= start) continue;
      if (kind && m.entity.type !== kind) continue;
      res.push(m);
    }
    return res;
  };

  /** "Rubio spokesman Alex Conant": the person holding the role that a name modifies, else the name itself. */
  const roleHolder = (m: MentionRef): MentionRef => {
    if (!ROLE_OF_NAME.test(body.slice(m.end, m.end + 50))) return m;
    return personAt(m.end, m.end + 50, "person").find((x) => x.start > m.end && !inQuote(x.start)) ?? m;
  };

  // Sources named so far (for "he said" recency), newest last.
  const history: { pos: number; entity: Entity }[] = [];
  const descriptions: { pos: number; text: string; head: string }[] = [];
  // Unnamed sources introduced anywhere ("A senior State Department official said ..."), so a later
  // "the official said" can point back to them.
  // Anchored on the head noun, then a short look-back: scanning for "a ..." everywhere was slow.
  for (const h of body.matchAll(
    /\b(official|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|diplomat|source|officer|lawmaker|strategist|analyst)\b/g,
  )) {
    const base = Math.max(0, h.index - 60);
    const m = /\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\p{L}.’'-]+\s+){0,5}?\S+)$/u.exec(
      body.slice(base, h.index + h[0].length),
    );
    if (m) descriptions.push({ pos: base + m.index, text: m[1], head: h[1].toLowerCase() });
  }

  const sentenceOf = (pos: number): number => sents[Math.max(0, floorIndex(sents, pos))];
  const sentenceEnd = (pos: number): number => {
    const i = floorIndex(sents, pos);
    return i + 1 < sents.length ? sents[i + 1] : body.length;
  };

  /** The subject of each sentence: its first person mention not governed by a preposition. */
  const memo = new Map<string, Entity | null>();
  const subjectOf = (sStart: number, limit: number): Entity | null => {
    const key = `s${sStart}:${limit}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const res = subjectOfUncached(sStart, limit);
    memo.set(key, res);
    return res;
  };
  const subjectOfUncached = (sStart: number, limit: number): Entity | null => {
    for (const m of personAt(sStart, limit, "person")) {
      if (inQuote(m.start)) continue;
      // Governed by a preposition ("with Kasich"), unless a comma separates them ("As he has before, Cruz").
      const prev = /([A-Za-z]+)(\s*,?)\s*(?:(?:\p{Lu}[\p{L}.]*\s+)*)$/u.exec(
        body.slice(Math.max(sStart, m.start - 40), m.start),
      );
      if (prev && !prev[2].includes(",") && PREPOSITIONS.has(prev[1].toLowerCase()) && prev[1] !== "and") continue;
      // "Trump's Virginia state director, Mike Rubino": a possessive name is not the subject.
      if (/^['’]s?\s/.test(body.slice(m.end, m.end + 3))) continue;
      // "McConnell spokesman Don Stewart": a name modifying a role is not the subject; the next name is.
      if (ROLE_OF_NAME.test(body.slice(m.end, m.end + 50))) continue;
      return m.entity;
    }
    return null;
  };

  /** The last person in [from, to) written next to a speech verb: "X said", "said X", "X, a ..., said". */
  const sourceIn = (from: number, to: number): Entity | null => {
    const key = `o${from}:${to}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const res = sourceInUncached(from, to);
    memo.set(key, res);
    return res;
  };
  const sourceInUncached = (from: number, to: number): Entity | null => {
    let found: Entity | null = null;
    const ts = toksIn(from, to);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      const l = lemmaOf(t);
      if (!l || WEAK_LEMMAS.has(l) || inQuote(t.start) || isNounUse(body, t, ts[i - 1])) continue;
      // Inverted order ("…," said X) only right after a quote or a comma; otherwise X is the object.
      const inverted = /[,"”]\s*$/.test(body.slice(Math.max(from, t.start - 3), t.start));
      const after = !inverted
        ? undefined
        : personAt(t.end, t.end + 25, "person").find((m) =>
            /^\s+(?:(?:\p{Lu}[\p{L}.]*\.?|the|[a-z]+ly)\s+)*$/u.test(`${body.slice(t.end, m.start)} `),
          );
      if (after) {
        found = after.entity;
        continue;
      }
      const before = personAt(Math.max(from, t.start - 160), t.start, "person");
      const near = before.length ? before[before.length - 1] : null;
      if (near && /^[\s]*(?:(?:also|later|then|has|had|have|[a-z]+ly)\s+)*$/.test(body.slice(near.end, t.start)))
        found = near.entity;
      else {
        const app = before.find(
          (m) =>
            body[m.end] === "," &&
            /,\s*(?:(?:also|later|then|has|had|have|[a-z]+ly)\s+)*$/.test(body.slice(m.end, t.start)),
        );
        if (app) found = app.entity;
      }
    }
    return found;
  };

  /** An organisation that opens the sentence, as its subject. */
  const orgSubjectOf = (sStart: number, limit: number): Entity | null => {
    const m = personAt(sStart, limit).find((x) => x.entity.type !== "person" && !inQuote(x.start));
    if (!m) return null;
    return /^\s*(?:[^,]{0,40},\s*)?(?:(?:the|The|Even|Also|But|And|Now|Meanwhile,?)\s+)?$/.test(
      body.slice(sStart, m.start),
    )
      ? m.entity
      : null;
  };

  const resolvePronoun = (pos: number, gender: "m" | "f"): Speaker => {
    // Walk back sentence by sentence: the subject of the sentence, or a source, of matching gender.
    const ok = (e: Entity) => {
      const g = genders.get(e.id) ?? null;
      return g === null || g === gender;
    };
    let si = floorIndex(sents, pos);
    const floor = Math.max(0, pos - 2500);
    // Current sentence first: "Blinken said he ...".
    let first = true;
    while (si >= 0 && sents[si] >= floor) {
      const sStart = sents[si];
      const limit = first ? pos : sentenceEnd(sStart);
      const subj = subjectOf(sStart, limit);
      let lastSource: (typeof history)[number] | undefined;
      for (let h = history.length - 1; h >= 0; h--) {
        if (history[h].pos >= sStart && history[h].pos < limit) {
          lastSource = history[h];
          break;
        }
        if (history[h].pos < sStart) break;
      }
      if (lastSource && ok(lastSource.entity)) return asSpeaker(lastSource.entity);
      // The source of a speech verb in the sentence ("..., said Katie Harbath") outranks its first name.
      const src = sourceIn(sStart, limit);
      if (src && ok(src)) return asSpeaker(src);
      if (subj && ok(subj)) return asSpeaker(subj);
      // Any other person in the sentence of the right gender (known), newest first.
      const others = personAt(sStart, limit, "person").filter(
        (m) => !inQuote(m.start) && genders.get(m.entity.id) === gender,
      );
      if (others.length) return asSpeaker(others[others.length - 1].entity);
      first = false;
      si--;
    }
    // Nobody of that gender nearby: the last named subject anyway (a bare surname may stand for a relative
    // the article never names in full, as "Fiorina" for Carly next to her husband Frank Fiorina).
    for (let k = floorIndex(sents, pos), n = 0; k >= 0 && n < 3; k--, n++) {
      const subj = subjectOf(sents[k], n === 0 ? pos : sentenceEnd(sents[k]));
      if (subj) return asSpeaker(subj);
    }
    return NONE;
  };

  const asSpeaker = (e: Entity): Speaker => ({
    name: e.name,
    kind: e.type === "person" ? "person" : "organization",
    id: e.id,
    entity: e,
  });

  /** Resolves the noun phrase [a, b) that is the source of a speech verb. */
  const resolveNP = (a: number, b: number): Speaker | null => {
    let np = body.slice(a, b);
    const lead = np.length - np.trimStart().length;
    np = np
      .trim()
      .replace(/[,;:]+$/, "")
      .trim();
    if (!np) return null;
    a += lead;
    const lower = np.toLowerCase();
    if (PRONOUN_M.has(lower)) return resolvePronoun(a, "m");
    if (PRONOUN_F.has(lower)) return resolvePronoun(a, "f");
    if (PRONOUN_OTHER.has(lower)) return NONE;
    if (
      /^(?:[Tt]he\s+)?[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}$/u.test(np) &&
      !personAt(a, a + np.length).length
    ) {
      // A name the recognizer did not know ("According to Limbaugh"): take it as written.
      const name = np.replace(/^[Tt]he\s+/, "");
      const first = name.split(/\s+/)[0];
      if (!gazetteerType(name) && !NOT_NAMES.has(first) && !DEMONYMS[first]) {
        const kind: SpeakerKind =
          ORG_HEADS.has(name.split(/\s+/).pop() as string) || /^the\s/i.test(np) ? "organization" : "person";
        return { name, kind, id: null, entity: null };
      }
    }
    // A named person in the phrase, not one governed by a preposition ("a spokesman for Clinton, Brian Fallon").
    const people = personAt(a, a + np.length, "person");
    const free = people.filter((m) => {
      const before = body.slice(a, m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? "";
      return !PREPOSITIONS.has(before.replace(/[’']s$/, ""));
    });
    if (free.length) {
      // "Clinton ally James Carville": the head is the last name before any apposition comma.
      const cut = np.search(/[,(]/);
      const headPart = cut < 0 ? free : free.filter((m) => m.start < a + cut);
      // "Trump and Ryan issued a statement": the first of two coordinated names.
      if (headPart.length > 1 && /^\s+and\s+$/.test(body.slice(headPart[0].end, headPart[1].start)))
        return asSpeaker(headPart[0].entity);
      return asSpeaker(roleHolder(headPart.length ? headPart[headPart.length - 1] : free[0]).entity);
    }
    const orgs = personAt(a, a + np.length, "organization");
    const head = np.replace(DETERMINERS, "");
    if (orgs.length && orgs[0].start - a <= 4 && !/[’']s\b/.test(body.slice(orgs[0].end, orgs[0].end + 2))) {
      // "The State Department said" — but "a State Department official" is a description.
      const rest = body.slice(orgs[0].end, a + np.length).trim();
      if (!rest || /^[,(]/.test(rest)) return asSpeaker(orgs[0].entity);
    }
    // ("for Clinton" after a quote is what the words are about, not who said them.)
    if (
      people.length &&
      /^(?:spokes|aide|adviser|advisor|campaign)/i.test(head) === false &&
      !PREPOSITIONS.has(np.split(/\s+/)[0].toLowerCase()) &&
      np.split(/\s+/).length <= 3
    )
      return asSpeaker(people[0].entity);
    const words = head.split(/\s+/);
    const lastWord = words[words.length - 1].toLowerCase().replace(/[^a-z-]/g, "");
    if (words.length > 12) return null;
    if (/^the\s/i.test(np) || /^(?:this|that)\s/i.test(np)) {
      // "the senator", "the official": an earlier named person with that role, else an earlier description.
      const desc = [...descriptions].reverse().find((x) => x.head === lastWord && x.pos < a);
      for (let i = mentions.length - 1; i >= 0; i--) {
        const m = mentions[i];
        if (m.start >= a || m.entity.type !== "person") continue;
        if (desc && m.start < desc.pos) break;
        const roles = [m.entity.role ?? "", ...m.entity.roles].join(" ").toLowerCase();
        if (roles && new RegExp(`\\b${lastWord}\\b`).test(roles)) return asSpeaker(m.entity);
        if (a - m.start > 3000) break;
      }
      const d = [...descriptions].reverse().find((x) => x.head === lastWord && x.pos < a);
      if (d) return { name: d.text, kind: "description", id: null, entity: null };
      if (
        ROLE_NOUNS.has(lastWord) ||
        /^(?:candidate|nominee|senator|billionaire|businessman|frontrunner|front-runner|republican|democrat|mogul|governor|congressman|congresswoman|president|secretary|mayor|speaker|official|spokesman|spokeswoman)$/.test(
          lastWord,
        )
      ) {
        // No role matched: the last named subject, as a reader would assume.
        const last = history[history.length - 1];
        if (last && a - last.pos < 1500) return asSpeaker(last.entity);
        const subj = resolvePronoun(a, "m");
        if (subj.name) return subj;
      }
      return null;
    }
    if (
      /^(?:a|an|one|another|two|three|several|some)\s/i.test(np) &&
      (ROLE_NOUNS.has(lastWord) || /official|source|person|member|aide|staff/.test(lastWord))
    ) {
      const text = np.replace(/^(?:a|an)\s+/i, "");
      if (!descriptions.some((d) => d.pos <= a && a - d.pos < 4)) {
        descriptions.push({ pos: a, text, head: lastWord });
        descriptions.sort((x, y) => x.pos - y.pos);
      }
      return { name: text, kind: "description", id: null, entity: null };
    }
    return null;
  };

  interface Cue {
    speaker: Speaker;
    cue: { start: number; end: number };
  }

  /** "…," NP said / "…," said NP: the attribution right after a quote. */
  const cueAfter = (q: QuoteSpan, next: number): Cue | null => {
    const from = q.close + 1;
    // The sentence splitter ends a sentence at `?”`; the attribution after it belongs to the quote.
    let f = from;
    while (f < body.length && /[ \t,]/.test(body[f])) f++;
    const to = Math.min(
      next,
      sentenceEnd(f),
      from + 220,
      body.indexOf("\n", from) >= 0 ? body.indexOf("\n", from) : body.length,
    );
    if (to <= from) return null;
    // "“...” ― Krystal Correa": a dash and a name.
    const dash = /^\s*[,.]?\s*[―—–-]{1,2}\s*/.exec(body.slice(from, to));
    if (dash) {
      const ms = personAt(from + dash[0].length, from + dash[0].length + 2);
      if (ms.length) return { speaker: asSpeaker(ms[0].entity), cue: { start: from, end: ms[0].end } };
    }
    const toks = toksIn(from, to);
    // "…," remembered Roy Verley / "…," Verley recalled: any verb next to a name right after the quote.
    if (
      toks.length >= 2 &&
      /^[\s,]*$/.test(body.slice(from, toks[0].start)) &&
      /^[,!?]?$/.test(body.slice(Math.max(0, q.close - 1), q.close).replace(/[^,!?]/g, ""))
    ) {
      const v0 = /^\p{Ll}+(?:ed|s)$/u.test(toks[0].text);
      const m1 = personAt(toks[1].start, toks[1].end + 1, "person")[0];
      if (v0 && m1 && m1.start === toks[1].start) {
        const head = roleHolder(m1);
        return { speaker: asSpeaker(head.entity), cue: { start: toks[0].start, end: head.end } };
      }
      const m0 = personAt(toks[0].start, toks[0].end, "person")[0];
      if (m0 && m0.start === toks[0].start) {
        const after = toksIn(m0.end, to)[0];
        if (after && /^\p{Ll}+ed$/u.test(after.text) && /^\s+$/.test(body.slice(m0.end, after.start)))
          return { speaker: asSpeaker(m0.entity), cue: { start: m0.start, end: after.end } };
      }
    }
    // "…," Melanne Verveer, who served as …, told CBS News: a name and its apposition before the verb.
    const m0 = toks.length ? personAt(toks[0].start, toks[0].end, "person")[0] : undefined;
    const appositive = m0 !== undefined && m0.start === toks[0].start && body[m0.end] === ",";
    const maxK = appositive ? 40 : 14;
    for (let k = 0; k < Math.min(toks.length, maxK); k++) {
      const t = toks[k];
      const lemma = lemmaOf(t);
      if (lemma === "according") continue;
      if (!lemma) {
        if (t.text === "according" && toks[k + 1]?.text === "to") {
          const s = resolveNP(toks[k + 1].end, Math.min(to, clauseEnd(toks[k + 1].end, to)));
          if (s?.name) return { speaker: s, cue: { start: t.start, end: toks[k + 1].end } };
          return null;
        }
        continue;
      }
      if (WEAK_LEMMAS.has(lemma) && k > 0) continue;
      // Subject between the quote and the verb (skipping adverbs/auxiliaries), else right after the verb.
      let j = k - 1;
      while (j >= 0 && (AUX.has(toks[j].text.toLowerCase()) || /^[a-z]+ly$/.test(toks[j].text))) j--;
      let npEnd = j >= 0 ? toks[j].end : from;
      const between = body.slice(from, npEnd).replace(/^[\s,.!?—–-]+/, "");
      if (
        between &&
        /[.!?]\s/.test(body.slice(from, t.start).replace(/^[\s,.!?]+/, "")) &&
        !/\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|[A-Z])\.\s/.test(between)
      )
        return null;
      if (between) {
        const s = resolveNP(from + (body.slice(from, npEnd).length - between.length), npEnd);
        if (s) return { speaker: s, cue: { start: from, end: t.end } };
        // "“…” in the 2008 primary, said Paul Beck": an adverbial, then the inverted source.
        if (!/,\s*$/.test(body.slice(from, t.start))) return null;
      }
      // ", telling Fox 35 that": the person told is the listener, not the speaker.
      if (lemma === "tell" && /ing$/.test(t.text)) return null;
      // Inverted: "said Blinken", "said the senator, who ...".
      npEnd = clauseEnd(t.end, to);
      const s = resolveNP(t.end, npEnd);
      if (s) return { speaker: s, cue: { start: t.start, end: npEnd } };
      return null;
    }
    return null;
  };

  /** Ends a noun phrase at the next clause punctuation or relative/prepositional continuation. */
  const clauseEnd = (from: number, to: number): number => {
    const rest = body.slice(from, to);
    const re =
      /[,.;:!?()—–]|\s(?:who|which|that|in|on|at|during|after|before|when|while|about|to|as|because|via|from|with|of)\s/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      if (m[0] === ".") {
        // "the Rev. Peter Wherry", "G.K. Butterfield": an abbreviation or initial, not the end.
        const w = /([\p{L}.]+)$/u.exec(rest.slice(0, m.index))?.[1] ?? "";
        if (ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(w) || /^(?:\p{L}\.)*\p{L}$/u.test(w) || HONORIFICS.has(`${w}.`))
          continue;
      }
      return from + m.index;
    }
    return to;
  };

  /** The speech verb before a quote in its sentence and that verb's subject. */
  const cueBefore = (q: QuoteSpan): Cue | null => {
    const sStart = Math.max(sentenceOf(q.open), body.lastIndexOf("\n", q.open) + 1);
    if (sStart >= q.open) return null;
    const toks = toksIn(sStart, q.open).filter((t) => !inQuote(t.start));
    const lead = body.slice(Math.max(sStart, q.open - 60), q.open);
    // A document title ("a statement entitled “Taking Action ...”") is nobody's speech: keep it, no speaker.
    if (TITLE_CUES.test(lead)) return { speaker: NONE, cue: { start: q.open, end: q.open } };
    // "Pollsters agree - Carl Bialik: “…”", "More from Jones: “…”": a name right before the colon.
    if (/:\s*$/.test(lead)) {
      const c = sStart + body.slice(sStart, q.open).lastIndexOf(":");
      const named = personAt(Math.max(sStart, c - 60), c, "person").filter((m) => !inQuote(m.start));
      const last = named[named.length - 1];
      if (last && /^\s*$/.test(body.slice(last.end, c)))
        return { speaker: asSpeaker(last.entity), cue: { start: last.start, end: c + 1 } };
    }
    for (let k = 0; k < Math.min(toks.length, 6); k++) {
      const l = lemmaOf(toks[k]);
      if (!l || !OPENING_VERBS.has(l) || isNounUse(body, toks[k], toks[k - 1])) continue;
      if (k === 0) break;
      let j = k - 1;
      while (j >= 0 && (AUX.has(toks[j].text.toLowerCase()) || /^[a-z]+ly$/.test(toks[j].text))) j--;
      if (j < 0) break;
      const np = findNPBefore(
        sStart,
        body.slice(sStart, toks[j + 1]?.start ?? toks[k].start).trimEnd().length + sStart,
      );
      if (!np || np.start - sStart > 40) break;
      const sp = resolveNP(np.start, np.end);
      if (sp?.name) return { speaker: sp, cue: { start: np.start, end: toks[k].end } };
      break;
    }
    // "Biden's comment about a “minor incursion” drew a retort from X, who said": the possessor of a
    // speech noun right before the quote said it, whatever reply follows. "Rubio's catch phrase in that
    // race was that Crist “…”": the same, through a copula; the name inside the that-clause is its topic.
    {
      const wide = body.slice(Math.max(sStart, q.open - 160), q.open);
      const copula = POSSESSIVE_SPEECH_COPULA.exec(wide);
      const m = POSSESSIVE_SPEECH.exec(lead);
      const hit = m ? { index: q.open - lead.length + m.index, name: m[1] } : null;
      const viaCopula = copula ? { index: q.open - wide.length + copula.index, name: copula[1] } : null;
      const found = hit ?? viaCopula;
      if (found) {
        const at = found.index + found.name.length;
        const owner = personAt(Math.max(sStart, at - 40), at, "person")
          .filter((x) => !inQuote(x.start))
          .pop();
        if (owner && owner.end === at)
          return { speaker: asSpeaker(owner.entity), cue: { start: owner.start, end: q.open } };
      }
    }
    // Strong speech verbs first; "wants", "believes" only when the sentence has nothing better.
    const hasStrong = toks.some((t) => {
      const l = lemmaOf(t);
      return l !== null && !WEAK_LEMMAS.has(l);
    });
    for (let k = toks.length - 1; k >= 0; k--) {
      const t = toks[k];
      if (hasStrong && WEAK_LEMMAS.has(lemmaOf(t) ?? "")) continue;
      // "told him X and called for Y": a coordinated verb shares the earlier verb's subject.
      if (toks[k - 1]?.text === "and" && lemmaOf(t) && toks.slice(0, k - 1).some((x) => lemmaOf(x))) continue;
      if (t.text === "according" && toks[k + 1]?.text === "to") {
        const s = resolveNP(toks[k + 1].end, clauseEnd(toks[k + 1].end, q.open));
        if (s?.name) return { speaker: s, cue: { start: t.start, end: toks[k + 1].end } };
        continue;
      }
      const lemma = lemmaOf(t);
      if (!lemma) continue;
      // "Trump's charge", "the claim", "a call": a noun, not a speech verb.
      if (isNounUse(body, t, toks[k - 1])) continue;
      // "who said": the antecedent before ", who".
      let j = k - 1;
      while (
        j >= 0 &&
        (AUX.has(toks[j].text.toLowerCase()) || /^[a-z]+ly$/.test(toks[j].text)) &&
        toks[j].text !== "who"
      )
        j--;
      if (j >= 0 && toks[j].text === "who") {
        const before = body.slice(sStart, toks[j].start).replace(/[\s,]+$/, "");
        const ms = personAt(sStart, sStart + before.length).filter((m) => m.entity.type !== "place");
        if (ms.length) return { speaker: asSpeaker(ms[ms.length - 1].entity), cue: { start: t.start, end: t.end } };
      }
      // "..., saying": the participle's subject is the sentence's subject.
      if (/ing$/.test(t.text) && /,\s*$/.test(body.slice(sStart, t.start))) {
        // "..., Spicer said, adding, ...": the source of the verb before the participle comes first.
        const subj = sourceIn(sStart, t.start) ?? subjectOf(sStart, t.start) ?? orgSubjectOf(sStart, t.start);
        if (subj) return { speaker: asSpeaker(subj), cue: { start: t.start, end: t.end } };
        const m = /^\s*(?:\S+\s+){0,3}?(he|she)\b/i.exec(body.slice(sStart, t.start));
        if (m)
          return {
            speaker: resolvePronoun(sStart, m[1].toLowerCase() === "he" ? "m" : "f"),
            cue: { start: t.start, end: t.end },
          };
      }
      if (j < 0) {
        // Verb first ("Said Comey, “…”"): the name between the verb and the quote.
        const inv = personAt(t.end, q.open, "person")[0];
        return inv ? { speaker: asSpeaker(inv.entity), cue: { start: t.start, end: inv.end } } : null;
      }
      // Up to the verb (minus adverbs), keeping a comma that closes an apposition.
      const npEnd = j + 1 < k ? toks[j + 1].start : t.start;
      const np = findNPBefore(sStart, body.slice(sStart, npEnd).trimEnd().length + sStart);
      // "Goldberg imagined Christie was thinking: “…”": words someone imagines for another are the
      // imaginer's, so the subject of the verb of imagining speaks.
      const imagined = IMAGINING_BEFORE.exec(body.slice(sStart, npEnd));
      if (imagined) {
        const who = subjectOf(sStart, sStart + imagined.index);
        if (who) return { speaker: asSpeaker(who), cue: { start: sStart + imagined.index, end: t.end } };
      }
      const s = np ? resolveNP(np.start, np.end) : null;
      if (s && (s.name || s !== NONE)) return { speaker: s, cue: { start: np!.start, end: t.end } };
      // An infinitive or a verb whose subject is not a name ("refused to call it X"): the clause's
      // named subject, else an earlier verb.
      if (/^(?:to|of|for)$/i.test(toks[k - 1]?.text ?? "")) continue;
      const subj = subjectOf(sStart, t.start);
      if (subj) return { speaker: asSpeaker(subj), cue: { start: t.start, end: t.end } };
      const lead = /^\s*(?:[A-Z]\w*,?\s+){0,3}?(he|she)\b/i.exec(body.slice(sStart, t.start));
      if (lead)
        return {
          speaker: resolvePronoun(sStart, lead[1].toLowerCase() === "he" ? "m" : "f"),
          cue: { start: t.start, end: t.end },
        };
      if (s === NONE) return { speaker: NONE, cue: { start: t.start, end: t.end } };
    }
    // "Trump tweeted Sunday: ..." handled above; bare "NAME:" labels.
    const label = /(?:^|\n)\s*([A-Z][A-Z.'’ -]{1,30}):\s*$/.exec(body.slice(sStart, q.open));
    if (label) {
      const name = label[1].trim();
      const e = entities.find(
        (x) => x.type === "person" && x.name.toUpperCase().endsWith(name.split(/\s+/).pop() as string),
      );
      if (e) return { speaker: asSpeaker(e), cue: { start: sStart, end: q.open } };
    }
    return null;
  };

  /** The noun phrase that ends just before a verb, stepping over an apposition between commas. */
  const findNPBefore = (sStart: number, npEnd: number): { start: number; end: number } | null => {
    let end = npEnd;
    let text = body.slice(sStart, end);
    // "NAME, the head of X, the network's arm, said": the subject is the last name followed by the apposition.
    if (/[,)]\s*$/.test(text)) {
      const cands = personAt(sStart, end).filter(
        (m) => m.entity.type !== "place" && !inQuote(m.start) && /^\s*(?:,|\(|of\s)/.test(body.slice(m.end, m.end + 4)),
      );
      const free = cands.filter((m) => {
        const w = /(\S+)\s*$/.exec(body.slice(sStart, m.start))?.[1]?.toLowerCase() ?? "";
        return !PREPOSITIONS.has(w);
      });
      const pick = free.find((m) => m.entity.type === "person") ?? free[0];
      if (pick) return { start: pick.start, end: pick.end };
      const inner = text.replace(/[,)]\s*$/, "");
      const c = inner.lastIndexOf(",");
      if (c < 0) return null;
      end = sStart + c;
      text = body.slice(sStart, end);
    }
    // Take back to the previous clause boundary, then the last few words.
    const bound = Math.max(
      text.lastIndexOf(","),
      text.lastIndexOf(";"),
      text.lastIndexOf(":"),
      text.lastIndexOf("—"),
      text.lastIndexOf("–"),
      text.lastIndexOf("("),
    );
    let start = sStart + bound + 1;
    // The subject is the tail of the clause after its last conjunction/preposition/verb-like word.
    const toks = toksIn(start, end);
    let k = toks.length - 1;
    // Person mention ending here: take it whole (with its title).
    const ms = personAt(Math.max(start, end - 80), end);
    const lastM = ms.length ? ms[ms.length - 1] : null;
    // (A place right before the verb — "China said" — is returned too; resolveNP decides.)
    if (lastM && lastM.end >= end - 1) return { start: lastM.start, end: lastM.end };
    // "what he called": a pronoun right before the verb is the subject.
    if (k >= 0 && /^(?:he|she|they|i|we|it|you)$/i.test(toks[k].text))
      return { start: toks[k].start, end: toks[k].end };
    while (k >= 0) {
      const w = toks[k].text;
      const lw = w.toLowerCase();
      if (/^(?:what|which|who|whom|whose)$/.test(lw)) break;
      // "Trump and Ryan issued": "and" between two names joins a subject rather than clauses.
      if (
        lw === "and" &&
        k > 0 &&
        k + 1 < toks.length &&
        personAt(toks[k - 1].start, toks[k - 1].end, "person").length &&
        personAt(toks[k + 1].start, toks[k + 1].end, "person").length
      ) {
        k--;
        continue;
      }
      if (
        /^(?:and|or|but|that|because|when|while|if|as|than|so|after|before|since|then|where|though|although)$/.test(lw)
      )
        break;
      if (PREPOSITIONS.has(lw) && !/^(?:of|for|at|with|in|on|from)$/.test(lw)) break;
      if (/^(?:of|for|at|with|in|on|from)$/.test(lw)) {
        // "a spokesman for Clinton said": keep prepositional modifiers inside the noun phrase
        k--;
        continue;
      }
      k--;
      if (toks.length - 1 - k > 12) break;
    }
    start = k + 1 < toks.length ? toks[k + 1].start : end;
    if (start >= end) return null;
    return { start, end };
  };

  // First pass: direct cues.
  const results: { q: QuoteSpan; speaker: Speaker; cue: Cue["cue"] | null; attributed: boolean }[] = [];
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i];
    const next = i + 1 < spans.length && spans[i + 1].paragraph === q.paragraph ? spans[i + 1].open : body.length;
    const sStart = Math.max(sentenceOf(q.open), body.lastIndexOf("\n", q.open) + 1);
    const beforeText = body.slice(sStart, q.open);
    const startsSentence = !/[\p{L}\p{N}]/u.test(beforeText.replace(/["“”]/g, ""));
    let cue: Cue | null = null;
    // An unclosed quote runs to the paragraph end: what follows is the next paragraph, not an attribution.
    if (startsSentence) cue = q.unclosed ? null : cueAfter(q, next);
    else {
      // A partial quote that ends its sentence ("... is broken." Clinton said ...) has no attribution after it.
      const after = q.unclosed || /[.]$/.test(body.slice(q.start, q.end)) ? null : cueAfter(q, next);
      // An attribution immediately after the quote ("..." NAME said) wins over a verb earlier in the sentence.
      if (after && after.cue.start - q.close <= 3 && after.speaker.name) cue = after;
      else cue = cueBefore(q) ?? after;
    }
    // Transcript labels inside the quote: "PENCE: Well, look, ...".
    if (!cue) {
      const label = /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)?):\s/.exec(body.slice(q.start, q.start + 40));
      if (label) {
        const key = label[1].split(" ").pop() as string;
        const e = entities.find((x) => x.type === "person" && surnameKey(x.name) === key);
        const name = e ? e.name : key[0] + key.slice(1).toLowerCase();
        cue = {
          speaker: e ? asSpeaker(e) : { name, kind: "person", id: null, entity: null },
          cue: { start: q.start, end: q.start + label[1].length },
        };
      }
    }
    if (cue?.speaker.entity) history.push({ pos: q.open, entity: cue.speaker.entity });
    results.push({ q, speaker: cue?.speaker ?? NONE, cue: cue?.cue ?? null, attributed: cue !== null });
  }

  // Second pass: quotes without their own cue take the speaker of a neighbour in the paragraph
  // ("A," he said. "B.") or, for a paragraph that opens with a quote, the previous paragraph's speaker.
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.attributed) continue;
    const q = r.q;
    let donor: (typeof results)[number] | undefined;
    for (let j = i - 1; j >= 0 && results[j].q.paragraph === q.paragraph; j--)
      if (results[j].attributed) {
        donor = results[j];
        break;
      }
    if (!donor)
      for (let j = i + 1; j < results.length && results[j].q.paragraph === q.paragraph; j++)
        if (results[j].attributed) {
          donor = results[j];
          break;
        }
    const paraStart = body.lastIndexOf("\n", q.open) + 1;
    const opensParagraph = !/[\p{L}\p{N}]/u.test(body.slice(paraStart, q.open));
    if (!donor && opensParagraph) {
      // Continuation: the previous paragraph (or the one before, past a blank) ended with a quote.
      for (let j = i - 1; j >= 0 && q.paragraph - results[j].q.paragraph <= 1; j--) {
        if (results[j].q.paragraph === q.paragraph) continue;
        if (results[j].attributed || results[j].q.unclosed) donor = results[j];
        break;
      }
    }
    if (donor) {
      r.speaker = donor.speaker;
      r.attributed = donor.attributed || donor.q.unclosed;
      continue;
    }
    if (opensParagraph) {
      // "Stated Stone:" / "Jack Kelly, writing for RealClearPolitics:" ending the previous paragraph.
      let pe = paraStart - 1;
      while (pe > 0 && /\s/.test(body[pe])) pe--;
      if (body[pe] === ":") {
        const sp = sentenceOf(pe);
        const subj = subjectOf(sp, pe) ?? personAt(sp, pe, "organization")[0]?.entity ?? null;
        if (subj) {
          r.speaker = asSpeaker(subj);
          r.attributed = true;
          continue;
        }
        // "He said:" on a line of its own: the pronoun's referent.
        const pro = /^\s*(he|she)\s+(?:\S+\s+)?(\p{Ll}+)\s*:$/iu.exec(body.slice(sp, pe + 1));
        if (pro && speechLemma(pro[2])) {
          const sp2 = resolvePronoun(sp, pro[1].toLowerCase() === "he" ? "m" : "f");
          if (sp2.name) {
            r.speaker = sp2;
            r.attributed = true;
            continue;
          }
        }
      }
    }
    if (!opensParagraph) {
      // "Clinton touted her record. “We need ...”": a quote opening a sentence continues the previous
      // sentence's speaker (its named subject) when that sentence has no quote of its own.
      const sHere = Math.max(sentenceOf(q.open), paraStart);
      if (!/[\p{L}\p{N}]/u.test(body.slice(sHere, q.open)) && sHere > paraStart) {
        const prev = Math.max(sentenceOf(sHere - 1), paraStart);
        const hasQuote = results.some((x) => x.q.open >= prev && x.q.open < sHere);
        const subj = hasQuote ? null : (sourceIn(prev, sHere) ?? subjectOf(prev, sHere));
        if (subj) {
          r.speaker = asSpeaker(subj);
          continue;
        }
      }
    } else if (i > 0) {
      // "Howard continued his scathing remarks." followed by a quoted paragraph.
      let pe = paraStart - 1;
      while (pe > 0 && /\s/.test(body[pe])) pe--;
      const prevPara = body.lastIndexOf("\n", pe) + 1;
      const prevSent = Math.max(sentenceOf(pe), prevPara);
      const hasQuote = results.some((x) => x.q.open >= prevSent && x.q.open < paraStart);
      if (!hasQuote && /[.:]$/.test(body.slice(pe, pe + 1))) {
        const toks = toksIn(prevSent, pe + 1);
        const verb = toks.find((t) => {
          const l = lemmaOf(t);
          return l !== null && !WEAK_LEMMAS.has(l);
        });
        const subj = verb ? subjectOf(prevSent, verb.start) : null;
        if (subj) {
          r.speaker = asSpeaker(subj);
          r.attributed = true;
          continue;
        }
      }
    }
    // No cue at all: a partial quote belongs to the sentence's named subject
    // ("Gov. Jerry Brown endorsed her, citing her “long experience”").
    const sStart = Math.max(sentenceOf(q.open), paraStart);
    const subj = subjectOf(sStart, q.open);
    if (subj) {
      r.speaker = asSpeaker(subj);
      continue;
    }
    const lead = /^\s*(?:[A-Z]\w*,?\s+){0,3}?(he|she)\b/i.exec(body.slice(sStart, q.open));
    if (lead) {
      r.speaker = resolvePronoun(sStart, lead[1].toLowerCase() === "he" ? "m" : "f");
      continue;
    }
    // An organisation opening the sentence ("The Trayvon Martin Foundation did not want to address “…”").
    const org = orgSubjectOf(sStart, q.open);
    if (org) r.speaker = asSpeaker(org);
  }

  const out: Quote[] = [];
  // Quoted items of a list of words or titles: each of them, and each short item that follows the
  // previous one with only a comma or "and" between them.
  let inList = false;
  let prevClose = -1;
  // A word quoted again and again with nobody saying it ("“moan”", "“moaning”") is being talked about.
  const mentionKey = (t: string) => {
    const w = t
      .toLowerCase()
      .replace(/[^\p{L}\d\s-]/gu, "")
      .trim();
    return w.split(/\s+/).length <= 2 ? w.slice(0, 5) : null;
  };
  const unsaidCount = new Map<string, number>();
  for (const r of results) {
    if (r.attributed || r.speaker.name) continue;
    const k = mentionKey(body.slice(r.q.start, r.q.end));
    if (k) unsaidCount.set(k, (unsaidCount.get(k) ?? 0) + 1);
  }
  for (const r of results) {
    const text = body.slice(r.q.start, r.q.end);
    const words = text.split(/\s+/).length;
    const gap = prevClose >= 0 ? body.slice(prevClose + 1, r.q.open) : null;
    prevClose = r.q.close;
    if (words <= 6 && !r.attributed && LIST_LEAD.test(body.slice(Math.max(0, r.q.open - 30), r.q.open))) {
      inList = true;
      continue;
    }
    if (inList && (words <= 6 || titleLike(text)) && gap !== null && /^[\s,]*(?:(?:and|or)\s*)?$/.test(gap)) continue;
    inList = false;
    const leadIn = body.slice(Math.max(0, r.q.open - 40), r.q.open);
    if (!r.attributed && !r.speaker.name && (unsaidCount.get(mentionKey(text) ?? "") ?? 0) >= 2) continue;
    // Buttons and page furniture: "click “sign up”", "Follow X on Twitter @x", a lone "Related:".
    if (/\b(?:click|clicking|clicked|tap|tapping|press|pressing|select)\s+(?:on\s+)?(?:the\s+)?["“]?$/i.test(leadIn))
      continue;
    if (/^Follow\b.*\bon (?:Twitter|Facebook|Instagram)\b/i.test(text) || /^[A-Z][a-z]+:$/.test(text)) continue;
    // A Title Case name used as a modifier ("“Ted Cruz” campaign pins", "the “Make America Great Again” hat")
    // names a thing.
    if (titleLike(text) && THING_AFTER.test(body.slice(r.q.close + 1, r.q.close + 30))) continue;
    // Unattributed short quotes are scare quotes, nicknames or titles, not someone's words.
    if (!r.attributed && !r.speaker.name && words < minUnattributed) continue;
    // A document title ("a statement entitled “Taking Action …”") is not speech.
    if (TITLE_CUES.test(body.slice(Math.max(0, r.q.open - 30), r.q.open))) continue;
    // Newsletter digests: `"Headline," by Outlet's Reporter: "Excerpt..."` — neither is anyone's speech.
    if (
      /^[,.]?\s*by\s+(?:the\s+)?\p{Lu}[^"“”\n]{0,60}?(?::|\bhttps?:)/u.test(body.slice(r.q.close + 1, r.q.close + 100))
    )
      continue;
    if (/["”],?\s+by\s+(?:the\s+)?\p{Lu}[^"“”\n]{0,60}:\s*$/u.test(body.slice(Math.max(0, r.q.open - 80), r.q.open)))
      continue;
    // A lone pronoun ("she" is a "he"), a stage direction "(CROSSTALK.)", or a nickname inside a name
    // (Juan "Chico" Manriquez) is not speech.
    if (/^(?:he|she|him|her|it|they|them|i|we|you)[.,!?]?$/i.test(text) || /^\(.*\)[.,]?$/.test(text)) continue;
    if (
      words <= 2 &&
      /\p{Lu}[\p{L}.]*\s$/u.test(body.slice(Math.max(0, r.q.open - 20), r.q.open)) &&
      /^\s\p{Lu}\p{Ll}/u.test(body.slice(r.q.close + 1, r.q.close + 4))
    )
      continue;
    // Embedded tweets (`<tweet ...>…</tweet>`) are quoted material, not attributed speech in the article.
    if (insideTweet(r.q.open)) continue;
    // Titles of shows, books and nicknames, unless a speech verb sits right before the quote.
    // (Only after a possessive or "on/of/in/with": "CBS's “Face the Nation”"; nicknames after "called" are gold.)
    if (TITLE_CONTEXT.test(body.slice(Math.max(0, r.q.open - 16), r.q.open)) && titleLike(text)) continue;
    const sStart = Math.max(sentenceOf(r.q.open), body.lastIndexOf("\n", r.q.open) + 1);
    const before = body.slice(sStart, r.q.open);
    const partial = /[\p{L}\p{N}]/u.test(before) && !/[,:]\s*$/.test(before);
    out.push({
      text,
      speaker: r.speaker.name,
      speakerKind: r.speaker.kind,
      speakerId: r.speaker.id,
      start: r.q.start,
      end: r.q.end,
      partial,
      cue: r.cue,
    });
  }
  return out;
}
