// Term extraction for story clustering: headline words, URL slug words, body words, entities and
// quotes, each in its own namespace so one field cannot be mistaken for another.

/** Function words that carry no story identity (the common English list, plus headline fillers). */
export const STORY_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
    "these they this those through to too under until up very was we were what when where which while who whom why will " +
    "with would you your yours yourself yourselves s t says said say new via amp quot 039 get gets got may might also"
  ).split(" "),
);

/** URL path words that name the site's layout rather than the story. */
const URL_BOILERPLATE = new Set(
  (
    "html htm shtml php asp aspx cms jsp story stories news article articles index www com net org co uk us blog blogs " +
    "post posts item id ref rss feed feeds world business technology tech science health entertainment sport sports " +
    "home page default print content view detail details category tag tags section local national money markets"
  ).split(" "),
);

/**
 * Light suffix stripping so "launches"/"launched"/"launch" and "cars"/"car" meet.
 * @example stemWord("launched") // "launch"
 */
export function stemWord(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ing") && w.length > 5) return w.slice(0, -3);
  if (w.endsWith("ed") && w.length > 4 && !w.endsWith("eed")) return w.slice(0, -2);
  if (w.endsWith("es") && w.length > 4 && /(ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

/**
 * Lower-cased, entity-decoded headline without the aggregator's trailing "...".
 * @example normalizeHeadline("Fed&#039;s Yellen Says  ...") // "fed yellen says"
 */
export function normalizeHeadline(title: string): string {
  return title
    .toLowerCase()
    .replace(/&(#0?39|apos);/g, "'")
    .replace(/&(quot|amp|lt|gt|nbsp);/g, " ")
    .replace(/[\u2019']s\b/g, "")
    .replace(/\s*(\.\.\.|…)\s*$/, "");
}

/**
 * Content words of a text: tokens of 2+ characters, stopwords dropped, lightly stemmed. `limit`
 * stops after that many words (the same words as `.slice(0, limit)`, without reading the rest).
 * @example contentWords("Apple unveils the new iPads") // ["apple", "unveil", "ipad"]
 */
export function contentWords(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  forEachToken(text, limit, (lower, start, end) => {
    const w = storyWord(lower.slice(start, end));
    if (w === null) return false;
    out.push(w);
    return true;
  });
  return out;
}

/**
 * Calls `visit` with each token of 2+ characters that contentWords reads, before stopwords and
 * stemming, as a range of the lower-cased text (so a caller that has seen the token need not cut
 * it out); `visit` says whether the token was a content word, and after `limit` of those it stops.
 * @example forEachToken("The iPads", Infinity, (s, i, j) => (tokens.push(s.slice(i, j)), true)) // tokens: ["the", "ipads"]
 */
export function forEachToken(
  text: string,
  limit: number,
  visit: (lower: string, start: number, end: number) => boolean,
): void {
  // One pass over the lower-cased text gives the tokens of normalizeHeadline(text).matchAll(/[a-z0-9]+/g):
  // of its rewrites only the HTML entities change tokens (its "'s" and trailing "..." removals only
  // drop non-token characters and one-letter tokens), and those are skipped where they stand.
  const s = text.toLowerCase();
  const n = s.length;
  let words = 0;
  let i = 0;
  while (i < n && words < limit) {
    const c = s.charCodeAt(i);
    if (!isTokenChar(c)) {
      i += c === AMP ? entityLength(s, i) || 1 : 1;
      continue;
    }
    let j = i + 1;
    while (j < n && isTokenChar(s.charCodeAt(j))) j++;
    if (j - i >= 2 && visit(s, i, j)) words++;
    i = j;
  }
}

const AMP = 38;
// The entities normalizeHeadline rewrites, "&" excluded: "&#39;" and "&apos;" become an apostrophe,
// the others a space; either way none of their letters or digits is a token.
const ENTITIES = ["#39;", "#039;", "apos;", "quot;", "amp;", "lt;", "gt;", "nbsp;"];

function entityLength(s: string, amp: number): number {
  for (const e of ENTITIES) if (s.startsWith(e, amp + 1)) return e.length + 1;
  return 0;
}

// Two-letter tokens mostly noise, but some are the story (EU, UK, GM, 3D); keep letters+digits ≥ 2.
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

// Token -> its stem, or null for a stopword. Bounded: cleared when full, as a news vocabulary keeps
// growing (names, numbers) while a few thousand words make up most of the text.
const STEMS = new Map<string, string | null>();
const STEMS_MAX = 1 << 17;

/** The stem of a token, or null for a stopword: what contentWords keeps of it. */
export function storyWord(token: string): string | null {
  let w = STEMS.get(token);
  if (w === undefined) {
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    w = STORY_STOPWORDS.has(token) ? null : stemWord(token);
    STEMS.set(token, w);
  }
  return w;
}

/**
 * Story words of a URL path: alphabetic words of 3+ letters, minus site-layout words.
 * @example urlWords("http://x.com/news/2014/03/yellen-rates.html") // ["yellen", "rate"]
 */
export function urlWords(url: string): string[] {
  let path = url;
  const scheme = path.indexOf("://");
  if (scheme >= 0) {
    const slash = path.indexOf("/", scheme + 3);
    path = slash >= 0 ? path.slice(slash) : "";
  }
  const q = path.search(/[?#]/);
  if (q >= 0) path = path.slice(0, q);
  const out: string[] = [];
  for (const m of path.toLowerCase().matchAll(/[a-z]+/g)) {
    const w = m[0];
    if (w.length < 3 || URL_BOILERPLATE.has(w) || STORY_STOPWORDS.has(w)) continue;
    out.push(stemWord(w));
  }
  return out;
}
