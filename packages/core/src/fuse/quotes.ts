import type { Article, Quote } from "../schema/article.ts";
import type { QuoteRecord } from "../schema/story.ts";
import type { EntityResolution } from "./entities.ts";
import { fold, memo } from "./names.ts";

/**
 * Near-variants: some run of VARIANT_RUN content words of one quote must appear, in any order,
 * inside a window of VARIANT_WINDOW content words of the other. Chosen on the seeds' paraphrased
 * quotes ("a united, swift and severe response" / "a swift, severe united response"): 4 distinctive
 * words close together by the same speaker is a statement, not a coincidence.
 */
export const VARIANT_RUN = 4;
export const VARIANT_WINDOW = 6;
/** A contained partial quote needs at least this many words ("minor incursion"); one word ("likely") is too common. */
export const MIN_PARTIAL_WORDS = 2;

const STOP = new Set(
  "a an the and or but of to in on at for with by from as is are was were be been being it its this that these those we our us you your he his him she her they their them i me my will would should could can may might must not no do does did have has had there here so if then than also just very any all some such what which who whom".split(
    " ",
  ),
);

interface Item {
  article: string;
  source: Article;
  quote: Quote;
  speakerKey: string | null;
  speakerRecord: string | null;
  norm: string;
  words: number;
  content: string[];
  /** ` ${norm} `, for containment at word boundaries. */
  padded: string;
  /** Built when first compared: the content words as a set, their runs and windows (see sharesRun). */
  set?: Set<string>;
  runs?: Set<string>[];
  windows?: Set<string>[];
}

/** A trailing comma or colon belongs to the sentence around a quote, not to the words quoted. */
function tidy(text: string): string {
  return text.trim().replace(/[\s,;:]+$/, "");
}

/** Lower case, straight quotes, punctuation to spaces: the form quotes are compared in. */
export function normalizeQuote(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/[^a-z0-9']+/g, " ")
    .replace(/'/g, "")
    .trim();
}

function stem(w: string): string {
  return w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}

function contentWords(norm: string): string[] {
  return norm
    .split(" ")
    .filter((w) => w && !STOP.has(w))
    .map(stem);
}

/** The runs of VARIANT_RUN distinct content words of a quote, each as a set. */
function runsOf(content: string[]): Set<string>[] {
  const out: Set<string>[] = [];
  if (content.length < VARIANT_RUN) return out;
  for (let i = 0; i + VARIANT_RUN <= content.length; i++) {
    const run = new Set(content.slice(i, i + VARIANT_RUN));
    if (run.size === VARIANT_RUN) out.push(run);
  }
  return out;
}

/** The windows of VARIANT_WINDOW content words starting at every word (shorter at the end), each as a set. */
function windowsOf(content: string[]): Set<string>[] {
  return content.map((_, j) => new Set(content.slice(j, j + VARIANT_WINDOW)));
}

/**
 * The compared forms of a quote's text, memoised: a story is re-fused with the same quotes whenever
 * it grows, and copies of a report repeat them. Pure; the arrays are never modified.
 */
const quoteForms = memo((text: string) => {
  const norm = normalizeQuote(text);
  return { norm, words: norm.split(" ").length, content: contentWords(norm), padded: ` ${norm} ` };
});

/** True when a run of VARIANT_RUN content words of `a` all occur within VARIANT_WINDOW content words of `b`. */
function sharesRun(a: Item, b: Item): boolean {
  if (a.content.length < VARIANT_RUN || b.content.length < VARIANT_RUN) return false;
  // Runs and windows are built once per quote, not once per pair: a speaker's bucket compares
  // every pair of their quotes.
  const runs = (a.runs ??= runsOf(a.content));
  const windows = (b.windows ??= windowsOf(b.content));
  for (const run of runs)
    for (const win of windows) {
      let all = true;
      for (const w of run) if (!win.has(w)) all = false;
      if (all) return true;
    }
  return false;
}

/** How two quotes relate: one statement, or unrelated. */
function sameStatement(a: Item, b: Item): boolean {
  if (a.norm === b.norm) {
    // The same words from two named people are two statements; an unattributed copy of a named
    // quote is that quote ("minor incursion" once with and once without its speaker).
    if (a.speakerKey !== null && b.speakerKey !== null) return a.speakerKey === b.speakerKey;
    return a.speakerKey !== null || b.speakerKey !== null ? a.words >= MIN_PARTIAL_WORDS : a.words >= 4;
  }
  if (a.speakerKey === null || a.speakerKey !== b.speakerKey) return false;
  const aShorter = a.norm.length <= b.norm.length;
  const short = aShorter ? a : b;
  const long = aShorter ? b : a;
  if (short.words >= MIN_PARTIAL_WORDS && long.padded.includes(short.padded)) return true;
  // Cheap test first: a shared run needs that many shared words at all.
  const setA = (a.set ??= new Set(a.content));
  const setB = (b.set ??= new Set(b.content));
  let shared = 0;
  for (const w of setA) if (setB.has(w) && ++shared >= VARIANT_RUN) break;
  if (shared < VARIANT_RUN) return false;
  return sharesRun(a, b) || sharesRun(b, a);
}

/** Below this many quotes a speaker's quotes are simply compared pair by pair. */
const SMALL_BUCKET = 24;

/**
 * The pairs of one speaker's quotes (all different wordings) that can be one statement: a contained
 * quote shares all its content words with the longer one, and a variant shares VARIANT_RUN of them,
 * so two quotes that both have content words but share none never match. Pairs as [x, y], y < x.
 */
function candidatePairs(quotes: Item[]): [number, number][] {
  const out: [number, number][] = [];
  const postings = new Map<string, number[]>();
  const noContent: number[] = [];
  const mark = new Int32Array(quotes.length).fill(-1);
  for (let x = 0; x < quotes.length; x++) {
    const words = (quotes[x].set ??= new Set(quotes[x].content));
    if (words.size === 0) {
      for (let y = 0; y < x; y++) out.push([x, y]);
      noContent.push(x);
      continue;
    }
    for (const y of noContent) mark[y] = x;
    for (const w of words) for (const y of postings.get(w) ?? []) mark[y] = x;
    for (let y = 0; y < x; y++) if (mark[y] === x) out.push([x, y]);
    for (const w of words) {
      const list = postings.get(w);
      if (list) list.push(x);
      else postings.set(w, [x]);
    }
  }
  return out;
}

/**
 * Groups the quotes of many articles into statements: one QuoteRecord per statement with every
 * article carrying it. A short partial quote contained in a longer one by the same speaker joins
 * it, and near-variants of one statement by the same speaker are grouped as variants. Quotes
 * without a known speaker only join an identical quote (two words when the other has a speaker, four
 * when neither has). `occasionOf` gives each occurrence its article's date and reported event.
 * @example
 * groupQuotes(articles, resolveEntities(articles)).find((q) => q.text.includes("minor incursion"))?.articles // ["002.txt", "004.txt"]
 */
export function groupQuotes(
  articles: Article[],
  entities: EntityResolution,
  idPrefix = "q-",
  occasionOf: (
    article: Article,
    quote: Quote,
  ) => Pick<QuoteRecord["occurrences"][number], "date" | "event" | "occasion"> = () => ({
    date: null,
    event: null,
    occasion: null,
  }),
): QuoteRecord[] {
  const items: Item[] = [];
  for (const a of articles)
    for (const q of a.quotes) {
      const speakerRecord =
        (q.speakerId ? entities.recordOf(a.id, q.speakerId) : null) ??
        (q.speaker && q.speakerKind !== "description" ? entities.recordByName(a.id, q.speaker) : null);
      const speakerKey = speakerRecord ?? (q.speaker ? `name:${normalizeQuote(q.speaker)}` : null);
      const { norm, words, content, padded } = quoteForms(q.text);
      if (!norm) continue;
      items.push({ article: a.id, source: a, quote: q, speakerKey, speakerRecord, norm, words, content, padded });
    }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Identical wordings by one speaker are one statement outright; only one representative of each
  // is compared with the rest, and only within a speaker (and among identical texts).
  const repOf = new Map<string, number>();
  const reps: number[] = [];
  items.forEach((it, i) => {
    const k = `${it.speakerKey ?? ""}\u0000${it.norm}`;
    const r = repOf.get(k);
    if (r === undefined) {
      repOf.set(k, i);
      reps.push(i);
    } else parent[i] = r;
  });
  const buckets = new Map<string, number[]>();
  for (const i of reps) {
    const it = items[i];
    for (const k of [it.speakerKey ? `s:${it.speakerKey}` : null, `t:${it.norm}`]) {
      if (!k) continue;
      const b = buckets.get(k);
      if (b) b.push(i);
      else buckets.set(k, [i]);
    }
  }
  const compare = (a: number, b: number) => {
    if (find(a) !== find(b) && sameStatement(items[a], items[b])) parent[find(a)] = find(b);
  };
  // Statements are the connected components of the pairs that match, whatever order the pairs are
  // tried in, so a big speaker bucket only tries the pairs that can match.
  for (const [key, members] of buckets)
    if (key.startsWith("s:") && members.length > SMALL_BUCKET)
      for (const [x, y] of candidatePairs(members.map((i) => items[i]))) compare(members[x], members[y]);
    else for (let x = 0; x < members.length; x++) for (let y = 0; y < x; y++) compare(members[x], members[y]);

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const g = groups.get(find(i));
    if (g) g.push(i);
    else groups.set(find(i), [i]);
  });
  const speakerName = (it: Item) =>
    it.speakerRecord
      ? (entities.records[entities.index.get(it.speakerRecord) ?? -1]?.name ?? it.quote.speaker)
      : it.quote.speaker;
  return [...groups.values()]
    .sort((a, b) => a[0] - b[0])
    .map((members, n) => {
      const ms = members.map((m) => items[m]);
      // The wording most articles carry stands for the statement; ties go to the fuller wording.
      const byNorm = new Map<string, { text: string; articles: Set<string> }>();
      for (const m of ms) {
        const slot = byNorm.get(m.norm) ?? { text: m.quote.text, articles: new Set<string>() };
        slot.articles.add(m.article);
        if (m.quote.text.length > slot.text.length) slot.text = m.quote.text;
        byNorm.set(m.norm, slot);
      }
      const ranked = [...byNorm.values()].sort(
        (a, b) => b.articles.size - a.articles.size || b.text.length - a.text.length,
      );
      const withSpeaker = ms.find((m) => m.speakerRecord) ?? ms.find((m) => m.quote.speaker) ?? ms[0];
      return {
        id: `${idPrefix}${n + 1}`,
        text: tidy(ranked[0].text),
        speaker: speakerName(withSpeaker) ?? null,
        speakerEntity: withSpeaker.speakerRecord,
        articles: [...new Set(ms.map((m) => m.article))],
        // Each occurrence keeps its own occasion: a grouped statement may have been made twice
        // (Thursday in Berlin, Friday in Geneva), and the record says so.
        occurrences: ms.map((m) => ({
          article: m.article,
          text: m.quote.text,
          start: m.quote.start,
          end: m.quote.end,
          ...occasionOf(m.source, m.quote),
        })),
        variants: ranked.slice(1).map((r) => tidy(r.text)),
      };
    });
}

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

/**
 * When and where a quote was said, as its text tells: the weekday and place named in its sentence, else
 * the nearest weekday named before it in its paragraph or the two before ("Blinken vowed Thursday ...").
 * @example quoteOccasion("On Thursday in Berlin, Blinken warned of a “swift, severe” response.", 44, ["Berlin"])
 * // → { weekday: "Thursday", place: "Berlin" }
 */
export function quoteOccasion(
  body: string,
  start: number,
  places: string[],
): { weekday: string | null; place: string | null } | null {
  let from = start;
  while (from > 0 && !/[.!?]\s/.test(body.slice(from - 2, from)) && body[from - 1] !== "\n") from--;
  let to = body.indexOf("\n", start);
  if (to < 0) to = body.length;
  const sentEnd = body.slice(start, to).search(/[.!?]["”]?\s/);
  const sentence = body.slice(from, sentEnd >= 0 ? start + sentEnd + 1 : to);
  const placeIn = (text: string) =>
    places.find((p) => new RegExp(`\\b(?:in|at|from)\\s+${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)) ??
    null;
  const here = [...sentence.matchAll(WEEKDAY)].pop()?.[1] ?? null;
  if (here) return { weekday: here, place: placeIn(sentence) };
  // Back through the paragraph and the two before it, nearest weekday first.
  let blockStart = from;
  for (let paras = 0; paras < 3 && blockStart > 0; ) {
    const nl = body.lastIndexOf("\n", blockStart - 1);
    if (nl < 0) {
      blockStart = 0;
      break;
    }
    if (body.slice(nl + 1, blockStart).trim()) paras++;
    blockStart = nl;
  }
  const hit = [...body.slice(blockStart, from).matchAll(WEEKDAY)].pop();
  if (hit) {
    const at = blockStart + (hit.index ?? 0);
    let s = at;
    while (s > 0 && !/[.!?]\s/.test(body.slice(s - 2, s)) && body[s - 1] !== "\n") s--;
    return { weekday: hit[1], place: placeIn(body.slice(s, at + 40)) };
  }
  const p = placeIn(sentence);
  return p ? { weekday: null, place: p } : null;
}

/** One speaker's statements in a story, for the readable report. */
export interface SpeakerQuotes {
  speaker: string;
  speakerEntity: string | null;
  /** Shared statements first (carried by more articles, or in several wordings), then the rest in story order. */
  quotes: QuoteRecord[];
}

/**
 * The story's main speakers with their quotes, so a report shows every main speaker's words (Lavrov's
 * too, though no two outlets carried the same line) and not only the quotes several articles share.
 * Speakers are ranked by how many articles quote them, then how many statements they made; `limit`
 * keeps the first few.
 * @example
 * quotesBySpeaker(result.quotes).map((s) => s.speaker) // ["Antony Blinken", "Sergey Lavrov", ...]
 */
export function quotesBySpeaker(quotes: QuoteRecord[], limit = 8): SpeakerQuotes[] {
  const by = new Map<string, { speaker: string; speakerEntity: string | null; quotes: QuoteRecord[] }>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const key = q.speakerEntity ?? `name:${q.speaker}`;
    const slot = by.get(key) ?? { speaker: q.speaker, speakerEntity: q.speakerEntity, quotes: [] };
    slot.quotes.push(q);
    by.set(key, slot);
  }
  const reach = (s: SpeakerQuotes) => new Set(s.quotes.flatMap((q) => q.articles)).size;
  const shared = (q: QuoteRecord) => q.articles.length + (q.variants.length ? 1 : 0);
  return [...by.values()]
    .sort((a, b) => reach(b) - reach(a) || b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker))
    .slice(0, limit)
    .map((s) => ({
      ...s,
      quotes: s.quotes
        .map((q, i) => ({ q, i }))
        .sort((a, b) => shared(b.q) - shared(a.q) || a.i - b.i)
        .map(({ q }) => q),
    }));
}
