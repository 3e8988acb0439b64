import type { Article } from "../schema/article.ts";
import { contentWords, urlWords } from "./terms.ts";

/** An item's L2-normalized TF-IDF vector. */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** What story clustering reads from one item. Headline-only feed items have just title and url. */
export interface StoryItem {
  id: string;
  title?: string | null;
  text?: string | null;
  url?: string | null;
  /** Publication time in epoch milliseconds; null or absent when unknown. */
  time?: number | null;
  /** Canonical entity names the article mentions (people, organizations, places). */
  entities?: readonly string[];
  /** Direct quotations the article carries. */
  quotes?: readonly string[];
}

export interface StoryIndexOptions {
  /** Join the best story when its time-decayed cosine similarity reaches this; else start a new one. */
  threshold?: number;
  /** Similarity halves for every this many hours between the item and the story's latest item. */
  halfLifeHours?: number;
  /** Stories whose latest item is older than this are closed: no longer candidates, memory freed. */
  windowHours?: number;
  /** For undated items: a story stays open for this many arrivals after its latest item. */
  windowItems?: number;
  /**
   * Field weights. URL words at 0.6 of a title word: 0.4, 0.6, 0.8 and 1.0 score within 0.004
   * B-cubed F1 of each other on stream dev (they repeat the full headline the aggregator cut).
   */
  titleWeight?: number;
  urlWeight?: number;
  bodyWeight?: number;
  entityWeight?: number;
  quoteWeight?: number;
  /** At most this many words of the body are used (the lead says what the story is). */
  bodyWords?: number;
  /** At most this many most-recent stories are read from one term's postings. */
  postingsScan?: number;

  /** Two open stories whose centroids reach this cosine are merged (0 or above 1 disables merging). */
  mergeThreshold?: number;
  /** Stories are compared for merging after every this many items. */
  mergeEvery?: number;
  /** Compare with every open story instead of using the inverted index (the all-pairs baseline of `bench scale`). */
  exhaustive?: boolean;
  /** Prefix of the returned story ids. */
  idPrefix?: string;
}

/**
 * Cosine threshold for joining a story. Chosen on the headline stream dev set (bench/stream/dev.jsonl)
 * together with STORY_MERGE_THRESHOLD by `npm run bench -- clustering --sweep threshold=0.12,0.15,0.18
 * --sweep mergeThreshold=0.2,0.25,0.3`: B-cubed F1 0.825-0.838 over that grid, best at 0.15 / 0.25
 * (0.773 at 0.15 without merging, whose best is 0.785 at 0.10).
 */
export const STORY_THRESHOLD = 0.15;
/** Centroid cosine at which two open stories are merged (see STORY_THRESHOLD for how it was chosen). */
export const STORY_MERGE_THRESHOLD = 0.25;
/** Merge checks run every this many items: 250/500/1000 score within 0.002; 1000 costs least. */
export const STORY_MERGE_EVERY = 1000;
/**
 * The aggregator's gold starts a new story for each day an event is captured again, so similarity
 * must fall fast across a day: a 6-hour half-life leaves 1/16 of the similarity after 24 hours.
 */
export const STORY_HALF_LIFE_HOURS = 6;
export const STORY_WINDOW_HOURS = 48;
export const STORY_WINDOW_ITEMS = 5000;
/**
 * Stories are found through the postings of the item's terms; reading only the most recent ones
 * keeps a common term from costing O(stories). On stream dev, 25, 50, 100 and 200 give the same
 * B-cubed F1 (0.838): a story worth joining is among the latest few that used a term.
 */
export const STORY_POSTINGS_SCAN = 32;

const DEFAULTS: Required<StoryIndexOptions> = {
  threshold: STORY_THRESHOLD,
  halfLifeHours: STORY_HALF_LIFE_HOURS,
  windowHours: STORY_WINDOW_HOURS,
  windowItems: STORY_WINDOW_ITEMS,
  titleWeight: 1,
  urlWeight: 0.6,
  bodyWeight: 0.5,
  entityWeight: 1,
  quoteWeight: 1,
  bodyWords: 400,
  postingsScan: STORY_POSTINGS_SCAN,
  mergeThreshold: STORY_MERGE_THRESHOLD,
  mergeEvery: STORY_MERGE_EVERY,
  exhaustive: false,
  idPrefix: "story-",
};

const HOUR = 3_600_000;

/**
 * Incremental single-pass story clustering. Items arrive in time order; each joins the most
 * similar open story (TF-IDF cosine against the story centroid, decayed with the time since the
 * story's latest item) or starts a new one. Candidates come from an inverted index over terms.
 * @example
 * const index = new StoryIndex();
 * index.add({ id: "1", title: "Apple unveils iPhone 6", time: Date.UTC(2014, 8, 9) }); // "story-0"
 * index.add({ id: "2", title: "iPhone 6 unveiled by Apple", time: Date.UTC(2014, 8, 9) }); // "story-0"
 */
export class StoryIndex {
  private readonly opts: Required<StoryIndexOptions>;
  private readonly vocab = new Map<string, number>();
  private df = new Int32Array(1024);
  private docs = 0;
  private readonly postings: number[][] = [];
  // Per story, indexed by story number; a closed story's centroid is dropped (null).
  private readonly centroids: (Map<number, number> | null)[] = [];
  private norms2 = new Float64Array(256);
  private lastTime = new Float64Array(256);
  private lastSeq = new Float64Array(256);
  private sizes = new Int32Array(256);
  private parent = new Int32Array(256);
  private stories = 0;
  private dirty = new Set<number>();
  private readonly assignment = new Map<string, number>();
  private open: number[] = [];
  private latestTime = Number.NEGATIVE_INFINITY;
  // Scratch space reused by every add, so the hot loop allocates little.
  private candidateMark = new Float64Array(256).fill(-1);
  private acc = new Float64Array(256);

  constructor(options: StoryIndexOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Number of items added. */
  get size(): number {
    return this.docs;
  }

  /** Number of stories started. */
  get storyCount(): number {
    return this.stories;
  }

  /** Adds one item and returns the id of the story it joined or started. */
  add(item: StoryItem): string {
    const known = this.assignment.get(item.id);
    if (known !== undefined) return this.opts.idPrefix + known;
    const seq = this.docs++;
    const time = typeof item.time === "number" && Number.isFinite(item.time) ? item.time : Number.NaN;
    if (!Number.isNaN(time) && time > this.latestTime) this.latestTime = time;
    const vec = this.vectorize(item);

    const [best, bestScore] = this.bestStory(vec, time, seq);
    const story = best >= 0 && bestScore >= this.opts.threshold ? best : this.newStory();
    this.join(story, vec, time, seq);
    this.assignment.set(item.id, story);
    if (this.opts.mergeThreshold > 0 && this.opts.mergeThreshold <= 1 && seq % this.opts.mergeEvery === this.opts.mergeEvery - 1) this.consolidate(time, seq);
    if (seq % 2048 === 2047) this.closeExpired(time, seq);
    return this.opts.idPrefix + this.root(story);
  }

  /**
   * Merges open stories that have grown together: a single pass decides on partial evidence, so
   * the first headlines of one story can start two stories that later look alike. Call it at the
   * end of a batch; `add` calls it every `mergeEvery` items.
   */
  flush(): void {
    if (this.opts.mergeThreshold > 0 && this.opts.mergeThreshold <= 1) this.consolidate(this.latestTime, this.docs);
  }

  /** The story id of an item already added (merges since it was added are followed). */
  storyOf(id: string): string | undefined {
    const s = this.assignment.get(id);
    return s === undefined ? undefined : this.opts.idPrefix + this.root(s);
  }

  /** Every item id with its current story id, in arrival order. */
  assignments(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, s] of this.assignment) out.set(id, this.opts.idPrefix + this.root(s));
    return out;
  }

  private root(s: number): number {
    const p = this.parent;
    while (p[s] !== s) {
      p[s] = p[p[s]];
      s = p[s];
    }
    return s;
  }

  private consolidate(time: number, seq: number): void {
    const partial = new Map<number, number>();
    for (const s0 of [...this.dirty].sort((a, b) => a - b)) {
      const s = this.root(s0);
      const cs = this.centroids[s];
      if (!cs || !this.isOpen(s, time, seq)) continue;
      // The story's heaviest terms find the stories it could be a fragment of; the dot product
      // over those terms ranks them, and only the best few get a full centroid comparison.
      partial.clear();
      for (const t of topTerms(cs, MERGE_PROBE_TERMS)) {
        const w = cs.get(t)!;
        const list = this.postings[t];
        const stop = Math.max(0, list.length - this.opts.postingsScan);
        for (let k = list.length - 1; k >= stop; k--) {
          const c = list[k];
          if (c === s) continue;
          const cc = this.centroids[c];
          if (!cc) continue;
          const v = cc.get(t);
          if (v !== undefined) partial.set(c, (partial.get(c) ?? 0) + w * v);
        }
      }
      const ranked = [...partial].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, RESCORE);
      let best = -1;
      let bestScore = 0;
      for (const [c] of ranked) {
        const cc = this.centroids[c]!;
        if (!this.isOpen(c, time, seq)) continue;
        const [small, large] = cs.size < cc.size ? [cs, cc] : [cc, cs];
        let dot = 0;
        for (const [term, w] of small) {
          const v = large.get(term);
          if (v !== undefined) dot += w * v;
        }
        const score = (dot / Math.sqrt(this.norms2[s] * this.norms2[c])) * this.decay(this.lastTime[s], this.lastTime[c]);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (best >= 0 && bestScore >= this.opts.mergeThreshold) this.merge(s, best);
    }
    this.dirty.clear();
  }

  private merge(a: number, b: number): void {
    const ca = this.centroids[a]!;
    const cb = this.centroids[b]!;
    const [into, from] = ca.size >= cb.size ? [a, b] : [b, a];
    const target = this.centroids[into]!;
    let norm2 = this.norms2[into];
    for (const [t, w] of this.centroids[from]!) {
      const old = target.get(t);
      if (old === undefined) {
        target.set(t, w);
        norm2 += w * w;
        this.post(t, into);
      } else {
        target.set(t, old + w);
        norm2 += 2 * old * w + w * w;
      }
    }
    this.norms2[into] = norm2;
    this.sizes[into] += this.sizes[from];
    const lf = this.lastTime[from];
    if (!Number.isNaN(lf)) this.lastTime[into] = Number.isNaN(this.lastTime[into]) ? lf : Math.max(this.lastTime[into], lf);
    this.lastSeq[into] = Math.max(this.lastSeq[into], this.lastSeq[from]);
    this.centroids[from] = null;
    this.parent[from] = into;
  }

  private post(t: number, s: number): void {
    const list = this.postings[t];
    list.push(s);
    if (list.length > 4 * this.opts.postingsScan) this.postings[t] = list.slice(-this.opts.postingsScan);
  }

  private termId(t: string): number {
    let id = this.vocab.get(t);
    if (id === undefined) {
      id = this.vocab.size;
      this.vocab.set(t, id);
      this.postings.push([]);
      if (id >= this.df.length) {
        const d = new Int32Array(this.df.length * 2);
        d.set(this.df);
        this.df = d;
      }
    }
    return id;
  }

  private vectorize(item: StoryItem): TermVector {
    const o = this.opts;
    const tf = new Map<number, number>();
    const bump = (terms: Iterable<string>, prefix: string, weight: number) => {
      if (weight <= 0) return;
      for (const t of terms) {
        const id = this.termId(prefix + t);
        tf.set(id, (tf.get(id) ?? 0) + weight);
      }
    };
    if (item.title) bump(contentWords(item.title), "", o.titleWeight);
    if (item.url) bump(new Set(urlWords(item.url)), "", o.urlWeight);
    if (item.text) bump(contentWords(item.text).slice(0, o.bodyWords), "", o.bodyWeight);
    if (item.entities) bump(new Set(item.entities.map((e) => e.toLowerCase())), "e:", o.entityWeight);
    if (item.quotes) bump(new Set(item.quotes.map((q) => contentWords(q).slice(0, 8).join(" ")).filter(Boolean)), "q:", o.quoteWeight);

    const terms = new Int32Array(tf.size);
    const weights = new Float64Array(tf.size);
    let i = 0;
    let norm = 0;
    const n = this.docs;
    for (const [id, f] of tf) {
      this.df[id]++;
      // (1 + ln tf) damps repeats; df counts the items seen so far, this one included.
      const w = (f >= 1 ? 1 + Math.log(f) : f) * Math.log((n + 1) / this.df[id]);
      terms[i] = id;
      weights[i] = w;
      norm += w * w;
      i++;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms, weights };
  }

  private isOpen(s: number, time: number, seq: number): boolean {
    if (this.centroids[s] === null) return false;
    const lt = this.lastTime[s];
    if (!Number.isNaN(time) && !Number.isNaN(lt)) return time - lt <= this.opts.windowHours * HOUR;
    return seq - this.lastSeq[s] <= this.opts.windowItems;
  }

  private exactScore(s: number, vec: TermVector, time: number): number {
    const c = this.centroids[s]!;
    let dot = 0;
    for (let i = 0; i < vec.terms.length; i++) {
      const w = c.get(vec.terms[i]);
      if (w !== undefined) dot += w * vec.weights[i];
    }
    return (dot / Math.sqrt(this.norms2[s])) * this.decay(time, this.lastTime[s]);
  }

  private decay(a: number, b: number): number {
    if (Number.isNaN(a) || Number.isNaN(b)) return 1;
    return Math.pow(0.5, Math.abs(a - b) / HOUR / this.opts.halfLifeHours);
  }

  /**
   * The best open story for an item and its score. Dot products are accumulated along the tails
   * of the item's postings (one lookup per story that has the term, not per candidate and term);
   * the few best are then scored exactly, since a story may have fallen off one term's tail.
   */
  private bestStory(vec: TermVector, time: number, seq: number): [number, number] {
    let touched: number[];
    if (this.opts.exhaustive) {
      touched = this.open.filter((s) => this.isOpen(s, time, seq));
    } else {
      touched = [];
      const mark = this.candidateMark;
      const acc = this.acc;
      for (let i = 0; i < vec.terms.length; i++) {
        const t = vec.terms[i];
        const w = vec.weights[i];
        const list = this.postings[t];
        const stop = Math.max(0, list.length - this.opts.postingsScan);
        for (let k = list.length - 1; k >= stop; k--) {
          const s = list[k];
          const c = this.centroids[s];
          if (c === null) continue;
          if (mark[s] !== seq) {
            mark[s] = seq;
            if (!this.isOpen(s, time, seq)) {
              acc[s] = Number.NaN;
              continue;
            }
            acc[s] = 0;
            touched.push(s);
          }
          const cw = c.get(t);
          if (cw !== undefined) acc[s] += w * cw;
        }
      }
      if (touched.length > RESCORE) {
        for (const s of touched) acc[s] = (acc[s] / Math.sqrt(this.norms2[s])) * this.decay(time, this.lastTime[s]);
        touched.sort((x, y) => acc[y] - acc[x] || y - x);
        touched.length = RESCORE;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const s of touched) {
      const score = this.exactScore(s, vec, time);
      if (score > bestScore || (score === bestScore && s > best)) {
        bestScore = score;
        best = s;
      }
    }
    return [best, bestScore];
  }

  private newStory(): number {
    const s = this.stories++;
    if (s >= this.sizes.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.norms2 = grow(this.norms2, (n) => new Float64Array(n));
      this.lastTime = grow(this.lastTime, (n) => new Float64Array(n));
      this.lastSeq = grow(this.lastSeq, (n) => new Float64Array(n));
      this.sizes = grow(this.sizes, (n) => new Int32Array(n));
      this.parent = grow(this.parent, (n) => new Int32Array(n));
      this.acc = grow(this.acc, (n) => new Float64Array(n));
      const mark = new Float64Array(this.candidateMark.length * 2).fill(-1);
      mark.set(this.candidateMark);
      this.candidateMark = mark;
    }
    this.parent[s] = s;
    this.centroids.push(new Map());
    this.lastTime[s] = Number.NaN;
    this.open.push(s);
    return s;
  }

  private join(s: number, vec: TermVector, time: number, seq: number): void {
    const c = this.centroids[s]!;
    let norm2 = this.norms2[s];
    for (let i = 0; i < vec.terms.length; i++) {
      const t = vec.terms[i];
      const old = c.get(t);
      const w = vec.weights[i];
      if (old === undefined) {
        c.set(t, w);
        norm2 += w * w;
        this.post(t, s);
      } else {
        c.set(t, old + w);
        norm2 += 2 * old * w + w * w;
      }
    }
    this.norms2[s] = norm2;
    this.sizes[s]++;
    if (!Number.isNaN(time)) this.lastTime[s] = Number.isNaN(this.lastTime[s]) ? time : Math.max(this.lastTime[s], time);
    this.lastSeq[s] = seq;
    this.dirty.add(s);
  }

  // Closed stories can never be joined again (time only moves forward), so their centroids go.
  private closeExpired(time: number, seq: number): void {
    const still: number[] = [];
    for (const s of this.open) {
      if (this.isOpen(s, Number.isNaN(time) ? Number.NaN : this.latestTime, seq)) still.push(s);
      else this.centroids[s] = null;
    }
    this.open = still;
  }
}

/** How many candidates, ranked by their dot product along the postings, are scored exactly. */
const RESCORE = 4;

/** How many of a story's heaviest terms are used to look for stories it should merge with. */
const MERGE_PROBE_TERMS = 8;

// The k heaviest terms of a centroid in one linear pass (a story can hold thousands of terms).
function topTerms(c: Map<number, number>, k: number): number[] {
  const terms: number[] = [];
  const weights: number[] = [];
  for (const [t, w] of c) {
    if (terms.length === k && w <= weights[k - 1]) continue;
    let i = terms.length === k ? k - 1 : terms.length;
    if (terms.length < k) {
      terms.push(t);
      weights.push(w);
    }
    while (i > 0 && weights[i - 1] < w) {
      terms[i] = terms[i - 1];
      weights[i] = weights[i - 1];
      i--;
    }
    terms[i] = t;
    weights[i] = w;
  }
  return terms;
}

/** Epoch ms of an article's trustworthy date: a stated date flagged as conflicting is not used. */
export function articleTime(a: Article): number | null {
  const d = (a.published.conflicts.length === 0 ? a.published.stated : null) ?? a.published.inferred;
  if (!d) return null;
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : t;
}

/**
 * The story-clustering view of an analyzed Article: title, body, url, date, entity names, quotes.
 * @example storyItem(analyze({ id: "a", text: "GENEVA (AP) — ...", title: "Blinken meets Lavrov" })).title
 */
export function storyItem(a: Article): StoryItem {
  return {
    id: a.id,
    title: a.title,
    text: a.body,
    url: a.provenance.url,
    time: articleTime(a),
    entities: a.entities.map((e) => e.name),
    quotes: a.quotes.filter((q) => !q.partial).map((q) => q.text),
  };
}

/**
 * Groups articles into stories (incremental, time-aware); returns article id -> story id.
 * Articles are processed in date order; undated ones keep their input order, after the dated.
 * @example clusterStories(seedArticles) // Map { "000.txt" => "story-0", "001.txt" => "story-0", ... }
 */
export function clusterStories(articles: Article[], options: StoryIndexOptions = {}): Map<string, string> {
  const items = articles.map(storyItem);
  const order = items.map((_, i) => i).sort((x, y) => (items[x].time ?? Infinity) - (items[y].time ?? Infinity) || x - y);
  const index = new StoryIndex(options);
  for (const i of order) index.add(items[i]);
  index.flush();
  const out = new Map<string, string>();
  for (const a of articles) out.set(a.id, index.storyOf(a.id)!);
  return out;
}
