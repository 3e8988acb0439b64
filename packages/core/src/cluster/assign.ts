import type { Article } from "../schema/article.ts";
import { averageLink, clusterEvents, type EventVector, FEATURE_WEIGHTS } from "./events.ts";
import { contentWords, urlWords } from "./terms.ts";
import { articleEventFeatureList, type FeatureList } from "./events.features.ts";
import { articleTime } from "./stories.ts";

/**
 * A headline item is one line of text under this many characters with no title of its own (a feed
 * item or a headline posted alone; the stream's aggregator cuts headlines at 92). Event features
 * (names, numbers, places and happening words of a lead) need a report, so these are grouped by
 * their words in time with `StoryIndex`: on 3,000 stream headlines (bench/stream/dev.jsonl) event
 * clustering scores B-cubed F1 0.35 against 0.79 for the index, while on the ECB+ reports the
 * index scores 0.82 (dev) against 0.99 for events. The first LEDE_CHARS of a stored body are
 * enough to tell, so the store decides the same from its light columns.
 */
export const HEADLINE_MAX_CHARS = 160;

/**
 * A person is one of an event's principal actors when at least this share of its reports name them;
 * the event's lead actor is the principal with the most mentions.
 */
export const PRINCIPAL_SHARE = 0.5;

/**
 * A headline item joins the event of reports whose centroid (event features, TF-IDF over the
 * reports) it reaches this cosine with; the others are grouped among themselves. Chosen on ECB+
 * dev (its one-sentence reports, title = text, are headline items): events B-cubed F1 0.974 at 0.3, 0.969-0.973
 * at 0.1-0.2; train gives 0.889 at 0.3 and 0.887 at 0.1-0.2. The higher one keeps unrelated headlines
 * that share a common name with a report out of its event.
 */
export const ATTACH_THRESHOLD = 0.3;

/**
 * Average-link cosine threshold for grouping the headline items of one day. Chosen on the stream dev
 * set (bench/stream/dev.jsonl, 54,489 headlines): B-cubed F1 0.833 at 0.06, 0.826 at 0.09, 0.794 at
 * 0.12. A single pass in time order (StoryIndex) scores 0.837 only in the file's own order within a
 * day, and 0.5-0.8 in any order that does not follow the aggregator's, so it cannot place a set.
 */
export const HEADLINE_THRESHOLD = 0.06;

export interface StoryAssignment {
  /** Article id -> story id. */
  storyOf: Map<string, string>;
  /** Article id -> event id. */
  eventOf: Map<string, string>;
}

export interface AssignOptions {
  /**
   * Copies (duplicate groups): each article's group representative, the smallest id of its group.
   * Only representatives are clustered and copies take their story and event (a wire story sent to
   * a hundred outlets is one report, and costs as one). Headline items are always clustered themselves.
   */
  representativeOf?: (id: string) => string | undefined;
  /** See HEADLINE_THRESHOLD. */
  headlineThreshold?: number;
  /** See ATTACH_THRESHOLD. */
  attachThreshold?: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * `representativeOf` for duplicate groups: each member maps to its group's smallest id.
 * @example clusterStoriesAndEvents(articles, { representativeOf: representatives(findDuplicates(articles)) })
 */
export function representatives(
  groups: readonly { articles: readonly string[] }[],
): (id: string) => string | undefined {
  const rep = new Map<string, string>();
  for (const g of groups) {
    const first = [...g.articles].sort()[0];
    if (first !== undefined) for (const m of g.articles) rep.set(m, first);
  }
  return (id) => rep.get(id);
}

/** Whether a title and body make a headline item (see HEADLINE_MAX_CHARS); `body` may be cut at HEADLINE_MAX_CHARS. */
export function isHeadlineText(title: string | null, body: string): boolean {
  const b = body.trim();
  if (!b) return true;
  const t = title?.trim() ?? "";
  const ws = (x: string) => x.replace(/\s+/g, " ");
  if (t && ws(t) !== ws(b)) return false;
  return b.length < HEADLINE_MAX_CHARS && !b.includes("\n");
}

/** Whether an article is a headline item (see HEADLINE_MAX_CHARS). */
export function isHeadlineItem(a: Article): boolean {
  return isHeadlineText(a.title, a.body);
}

const surname = (name: string) => name.trim().split(/\s+/).pop()!.toLowerCase();

/** An event's principal actors (by surname: "Sergei" and "Sergey Lavrov" are one actor) and its lead actor. */
export function eventActors(members: Article[]): { principals: Set<string>; lead: string | null } {
  const reports = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const a of members) {
    const seen = new Set<string>();
    for (const e of a.entities) {
      if (e.type !== "person") continue;
      const s = surname(e.name);
      mentions.set(s, (mentions.get(s) ?? 0) + Math.max(1, e.mentions.length));
      if (!seen.has(s)) {
        seen.add(s);
        reports.set(s, (reports.get(s) ?? 0) + 1);
      }
    }
  }
  const need = Math.max(1, PRINCIPAL_SHARE * members.length);
  const principals = new Set([...reports].filter(([, k]) => k >= need).map(([s]) => s));
  const lead = [...principals].sort((x, y) => mentions.get(y)! - mentions.get(x)! || cmp(x, y))[0] ?? null;
  return { principals, lead };
}

/**
 * Stories and events of a set of articles, as a function of the set alone (any input order gives
 * the same result, ids included).
 *
 * Articles with a body are clustered into events (`clusterEvents`: one incident, meeting or
 * announcement), and events become one story when each one's lead actor is a principal actor of
 * the other: the same standoff met again weeks later is one story with two events, while two
 * incidents of one kind with different protagonists (two players arrested, two hosts named) are
 * two stories. Headline items are grouped by `StoryIndex` in time order (date, then id), each
 * story one event.
 * @example
 * const { storyOf, eventOf } = clusterStoriesAndEvents(seedArticles);
 * new Set(storyOf.values()).size // 1 (Stockholm and Geneva: one story)
 * new Set(eventOf.values()).size // 2
 */
export function clusterStoriesAndEvents(articles: Article[], options: AssignOptions = {}): StoryAssignment {
  const all = [...articles].sort((x, y) => cmp(x.id, y.id));
  const present = new Set(all.map((a) => a.id));
  // Headline items are not collapsed: the same headline on another day starts another story.
  const headline = new Set(all.filter(isHeadlineItem).map((a) => a.id));
  const repOf = (id: string) => {
    const r = options.representativeOf?.(id);
    return r !== undefined && present.has(r) && !headline.has(id) && !headline.has(r) ? r : id;
  };
  const sorted = all.filter((a) => repOf(a.id) === a.id);
  const storyOf = new Map<string, string>();
  const eventOf = new Map<string, string>();
  const long = sorted.filter((a) => !isHeadlineItem(a));
  const short = sorted.filter((a) => isHeadlineItem(a));

  if (long.length) {
    const copies = new Map<string, number>();
    for (const a of all) copies.set(repOf(a.id), (copies.get(repOf(a.id)) ?? 0) + 1);
    const ev = clusterEvents(long, { weights: long.map((a) => copies.get(a.id)!) });
    const events = new Map<string, Article[]>();
    for (const a of long) {
      const e = ev.get(a.id)!;
      eventOf.set(a.id, e);
      const m = events.get(e);
      if (m) m.push(a);
      else events.set(e, [a]);
    }
    if (short.length) {
      const attached = attachToEvents(long, ev, short, options.attachThreshold ?? ATTACH_THRESHOLD);
      for (const a of short) {
        const e = attached.get(a.id);
        if (e === undefined) continue;
        eventOf.set(a.id, e);
        events.get(e)!.push(a);
      }
    }
    const list = [...events.values()];
    const actors = list.map(eventActors);
    const parent = list.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (let i = 0; i < list.length; i++) {
      const li = actors[i].lead;
      if (!li) continue;
      for (let j = 0; j < i; j++) {
        const lj = actors[j].lead;
        if (lj && actors[j].principals.has(li) && actors[i].principals.has(lj)) {
          const [a, b] = [find(i), find(j)];
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    // A story is named after its smallest article id, so its id follows from its members.
    const first = new Map<number, string>();
    list.forEach((m, i) => {
      const r = find(i);
      const id = m[0].id;
      if (!first.has(r) || id < first.get(r)!) first.set(r, id);
    });
    list.forEach((m, i) => {
      for (const a of m) storyOf.set(a.id, `story-${first.get(find(i))}`);
    });
  }

  const rest = short.filter((a) => !eventOf.has(a.id));
  if (rest.length) {
    const labels = clusterHeadlines(rest, options.headlineThreshold ?? HEADLINE_THRESHOLD);
    const members = new Map<string, string[]>();
    for (const [k, a] of rest.entries()) {
      const s = labels[k]!;
      const m = members.get(s);
      if (m) m.push(a.id);
      else members.set(s, [a.id]);
    }
    for (const ids of members.values()) {
      const name = `story-${ids[0]}`;
      for (const id of ids) {
        storyOf.set(id, name);
        eventOf.set(id, `event-${ids[0]}`);
      }
    }
  }
  for (const a of all) {
    const r = repOf(a.id);
    if (r === a.id) continue;
    storyOf.set(a.id, storyOf.get(r)!);
    eventOf.set(a.id, eventOf.get(r)!);
  }
  return { storyOf, eventOf };
}

/**
 * For each headline item, the event (of `eventOf`, over `reports`) whose centroid it is most similar
 * to, when that cosine reaches `threshold`. Weights are TF-IDF over the reports (as clusterEvents
 * weighs them), so the result depends on the reports and the item alone.
 */
function attachToEvents(
  reports: Article[],
  eventOf: Map<string, string>,
  items: Article[],
  threshold: number,
): Map<string, string> {
  const lists = reports.map(articleEventFeatureList);
  const df = new Map<string, number>();
  for (const l of lists) for (const k of l.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = reports.length;
  const vector = (l: FeatureList): Map<string, number> => {
    const v = new Map<string, number>();
    let norm = 0;
    for (let i = 0; i < l.keys.length; i++) {
      const k = l.keys[i];
      const d = df.get(k);
      if (!d) continue;
      const ns = k.slice(0, k.indexOf(":"));
      const tf = l.counts[i];
      const x =
        (ns === "n" || ns === "nn" ? Math.sqrt(tf) : 1 + Math.log(tf)) *
        Math.log((n + 1) / d) *
        (FEATURE_WEIGHTS[ns] ?? 1);
      if (x <= 0) continue;
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  };
  const centroids = new Map<string, Map<string, number>>();
  reports.forEach((a, i) => {
    const e = eventOf.get(a.id)!;
    let c = centroids.get(e);
    if (!c) centroids.set(e, (c = new Map()));
    for (const [k, x] of vector(lists[i])) c.set(k, (c.get(k) ?? 0) + x);
  });
  const posting = new Map<string, Array<[string, number]>>();
  for (const [e, c] of centroids) {
    let norm = 0;
    for (const x of c.values()) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of c) {
      let p = posting.get(k);
      if (!p) posting.set(k, (p = []));
      p.push([e, x / norm]);
    }
  }
  const out = new Map<string, string>();
  for (const a of items) {
    const acc = new Map<string, number>();
    for (const [k, x] of vector(articleEventFeatureList(a)))
      for (const [e, y] of posting.get(k) ?? []) acc.set(e, (acc.get(e) ?? 0) + x * y);
    let best: string | null = null;
    let bestScore = threshold;
    for (const [e, s] of acc)
      if (s > bestScore || (s === bestScore && best !== null && e < best)) [best, bestScore] = [e, s];
    if (best !== null) out.set(a.id, best);
  }
  return out;
}

const DAY = 86_400_000;

/**
 * Groups headline items: average link over TF-IDF vectors of their words (headline, URL words at 0.6
 * as StoryIndex weighs them), within one UTC day (undated items form one group of their own), as the
 * aggregator's gold starts a story anew each day an event is captured again. Returns a label per item.
 */
function clusterHeadlines(items: Article[], threshold: number): string[] {
  const bags = items.map((a) => {
    const m = new Map<string, number>();
    for (const w of contentWords(a.title ?? a.body)) m.set(w, (m.get(w) ?? 0) + 1);
    for (const w of urlWords(a.provenance.url ?? "")) m.set(w, (m.get(w) ?? 0) + 0.6);
    return m;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const k of b.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = items.length;
  const termId = new Map<string, number>();
  const vecs: EventVector[] = bags.map((b) => {
    const ids: number[] = [];
    const vals: number[] = [];
    let norm = 0;
    for (const [k, f] of [...b].sort((x, y) => cmp(x[0], y[0]))) {
      let id = termId.get(k);
      if (id === undefined) termId.set(k, (id = termId.size));
      const w = (f >= 1 ? 1 + Math.log(f) : f) * Math.log((n + 1) / df.get(k)!);
      ids.push(id);
      vals.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    return { ids: Int32Array.from(ids), vals: Float64Array.from(vals, (v) => v / norm) };
  });
  const days = new Map<number, number[]>();
  items.forEach((a, i) => {
    const t = articleTime(a);
    const d = t === null ? Number.NaN : Math.floor(t / DAY);
    const key = Number.isNaN(d) ? -1 : d;
    const m = days.get(key);
    if (m) m.push(i);
    else days.set(key, [i]);
  });
  const labels = new Array<string>(n);
  for (const [d, members] of days) {
    const lab = averageLink(
      members.map((i) => vecs[i]!),
      threshold,
    );
    members.forEach((i, k) => (labels[i] = `${d}:${members[lab[k]!]}`));
  }
  return labels;
}
