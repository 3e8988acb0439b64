import type { Article } from "../schema/article.ts";
import { WeightArena } from "./weight-arena.ts";
import {
  FIELDS,
  shapeKey,
  type StoryFeatureCache,
  TermDictionary,
  type StoryFeatures,
  type StoryItem,
} from "./story-features.ts";

export { StoryFeatureCache, STORY_FEATURE_CACHE_ENTRIES } from "./story-features.ts";
export type { StoryFeatureCacheOptions, StoryItem } from "./story-features.ts";

/** An item's L2-normalized TF-IDF vector. */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
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
  private readonly cache: StoryFeatureCache | null;
  private readonly dictionary: TermDictionary;
  private readonly shape: string;
  // Dictionary id -> this index's term id + 1 (0: not seen yet). Terms are numbered densely per
  // index, so its postings and document frequencies stay compact under a large shared dictionary.
  private localOf = new Int32Array(1024);
  private terms = 0;
  private df = new Int32Array(1024);
  private docs = 0;
  // Per term, the stories that have it as (story, place) pairs, oldest first: the place is where
  // the story keeps the term's weight in the arena, so scanning a posting reads weights directly.
  private readonly postings: number[][] = [];
  private readonly arena = new WeightArena();
  // Per story, indexed by story number: its terms (term -> place, in the order they were added),
  // null once closed or merged away; its arena chunks as (start, size) pairs; the free part of
  // its last chunk; whether it is alive (the hot loop's test, on a typed array).
  private readonly slots: (Map<number, number> | null)[] = [];
  private readonly chunks: (number[] | null)[] = [];
  private chunkNext = new Int32Array(256);
  private chunkEnd = new Int32Array(256);
  private alive = new Uint8Array(256);
  private norms2 = new Float64Array(256);
  private lastTime = new Float64Array(256);
  private lastSeq = new Float64Array(256);
  private sizes = new Int32Array(256);
  private parent = new Int32Array(256);
  private stories = 0;
  private dirty = new Set<number>();
  private readonly merges: Array<[number, number]> = [];
  private readonly assignment = new Map<string, number>();
  private open: number[] = [];
  private latestTime = Number.NEGATIVE_INFINITY;
  // Scratch space reused by every add, so the hot loop allocates little.
  private candidateMark = new Int32Array(256).fill(-1);
  private acc = new Float64Array(256);
  private vecTerms = new Int32Array(256);
  private vecWeights = new Float64Array(256);
  private readonly fieldWeights: Float64Array;

  /**
   * `cache` keeps item features between indexes (see StoryFeatureCache); the clusters are the same
   * with or without it.
   */
  constructor(options: StoryIndexOptions = {}, cache: StoryFeatureCache | null = null) {
    this.opts = { ...DEFAULTS, ...options };
    this.cache = cache;
    this.dictionary = cache ? cache.dictionaryForIndex() : new TermDictionary();
    this.shape = shapeKey(this.opts);
    const o = this.opts;
    this.fieldWeights = Float64Array.of(o.titleWeight, o.urlWeight, o.bodyWeight, o.entityWeight, o.quoteWeight);
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
    return this.insert(item, (vec, time, seq) => {
      const [best, bestScore] = this.bestStory(vec, time, seq);
      return best >= 0 && bestScore >= this.opts.threshold ? best : this.newStory();
    });
  }

  /**
   * Adds an item to the story an earlier run of this clustering put it in (`story`, an id this index
   * returned, or null for a story of its own), as replaying stored assignments into a new index needs:
   * the index then holds that story's centroid and goes on from it. A story that has closed since is
   * started anew. Returns the story id the item is in now.
   */
  addTo(item: StoryItem, story: string | null): string {
    const n = story?.startsWith(this.opts.idPrefix) ? Number(story.slice(this.opts.idPrefix.length)) : -1;
    return this.insert(item, () =>
      Number.isInteger(n) && n >= 0 && n < this.stories && this.slots[this.root(n)] !== null
        ? this.root(n)
        : this.newStory(),
    );
  }

  // Vectorizes the item, puts it in the story `choose` picks, and runs the periodic merge and close.
  private insert(item: StoryItem, choose: (vec: TermVector, time: number, seq: number) => number): string {
    const known = this.assignment.get(item.id);
    if (known !== undefined) return this.opts.idPrefix + this.root(known);
    const features = this.cache
      ? this.cache.features(item, this.opts, this.shape, this.dictionary)
      : this.dictionary.features(item, this.opts);
    const seq = this.docs++;
    const time = typeof item.time === "number" && Number.isFinite(item.time) ? item.time : Number.NaN;
    if (!Number.isNaN(time) && time > this.latestTime) this.latestTime = time;
    const vec = this.vectorize(features);
    const story = choose(vec, time, seq);
    this.join(story, vec, time, seq);
    this.assignment.set(item.id, story);
    if (
      this.opts.mergeThreshold > 0 &&
      this.opts.mergeThreshold <= 1 &&
      seq % this.opts.mergeEvery === this.opts.mergeEvery - 1
    )
      this.consolidate(time, seq);
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
    const scan = 2 * this.opts.postingsScan;
    for (const s0 of [...this.dirty].sort((a, b) => a - b)) {
      const s = this.root(s0);
      const cs = this.slots[s];
      if (!cs || !this.isOpen(s, time, seq)) continue;
      const values = this.arena.values;
      // The story's heaviest terms find the stories it could be a fragment of; the dot product
      // over those terms ranks them, and only the best few get a full centroid comparison.
      partial.clear();
      for (const t of topTerms(cs, values, MERGE_PROBE_TERMS)) {
        const w = values[cs.get(t)!];
        const list = this.postings[t];
        const stop = Math.max(0, list.length - scan);
        for (let k = list.length - 2; k >= stop; k -= 2) {
          const c = list[k];
          if (c === s || this.alive[c] === 0) continue;
          partial.set(c, (partial.get(c) ?? 0) + w * values[list[k + 1]]);
        }
      }
      const ranked = [...partial].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, RESCORE);
      let best = -1;
      let bestScore = 0;
      for (const [c] of ranked) {
        if (!this.isOpen(c, time, seq)) continue;
        const cc = this.slots[c]!;
        const [small, large] = cs.size < cc.size ? [cs, cc] : [cc, cs];
        let dot = 0;
        for (const [term, at] of small) {
          const v = large.get(term);
          if (v !== undefined) dot += values[at] * values[v];
        }
        const score =
          (dot / Math.sqrt(this.norms2[s] * this.norms2[c])) * this.decay(this.lastTime[s], this.lastTime[c]);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (best >= 0 && bestScore >= this.opts.mergeThreshold) this.merge(s, best);
    }
    this.dirty.clear();
  }

  /**
   * The merges made since the last call, as [merged-away story id, story it went into] pairs in the
   * order they were made: what a caller that keeps its own copy of the assignments must apply.
   */
  takeMerges(): Array<[string, string]> {
    const out = this.merges.map(([from, into]): [string, string] => [
      this.opts.idPrefix + from,
      this.opts.idPrefix + into,
    ]);
    this.merges.length = 0;
    return out;
  }

  private merge(a: number, b: number): void {
    const [into, from] = this.slots[a]!.size >= this.slots[b]!.size ? [a, b] : [b, a];
    this.merges.push([from, into]);
    let norm2 = this.norms2[into];
    // The arena may grow while `into` takes new terms, so its values are read afresh each time.
    for (const [t, at] of this.slots[from]!) norm2 = this.addWeight(into, t, this.arena.values[at], norm2);
    this.norms2[into] = norm2;
    this.sizes[into] += this.sizes[from];
    const lf = this.lastTime[from];
    if (!Number.isNaN(lf))
      this.lastTime[into] = Number.isNaN(this.lastTime[into]) ? lf : Math.max(this.lastTime[into], lf);
    this.lastSeq[into] = Math.max(this.lastSeq[into], this.lastSeq[from]);
    this.release(from);
    this.parent[from] = into;
  }

  // Adds w to story s's weight for term t (a new place, posted, when s lacks t); returns the new norm².
  private addWeight(s: number, t: number, w: number, norm2: number): number {
    const slots = this.slots[s]!;
    const at = slots.get(t);
    if (at !== undefined) {
      const values = this.arena.values;
      const old = values[at];
      values[at] = old + w;
      return norm2 + (2 * old * w + w * w);
    }
    let fresh = this.chunkNext[s];
    if (fresh === this.chunkEnd[s]) fresh = this.newChunk(s, 8);
    this.chunkNext[s] = fresh + 1;
    slots.set(t, fresh);
    this.arena.values[fresh] = w;
    const list = this.postings[t];
    list.push(s, fresh);
    if (list.length > 8 * this.opts.postingsScan) this.postings[t] = list.slice(-2 * this.opts.postingsScan);
    return norm2 + w * w;
  }

  // A story's chunks double in size (from the size of its first item), up to a cap.
  private newChunk(s: number, want: number): number {
    const chunks = this.chunks[s]!;
    const size =
      chunks.length === 0
        ? Math.max(8, 2 ** Math.ceil(Math.log2(want)))
        : Math.min(2 * chunks[chunks.length - 1], 4096);
    const start = this.arena.alloc(size);
    chunks.push(start, size);
    this.chunkNext[s] = start;
    this.chunkEnd[s] = start + size;
    return start;
  }

  // A closed or merged-away story's weights are never read again: its postings are skipped.
  private release(s: number): void {
    const chunks = this.chunks[s];
    // Merged-away stories stay on the open list until the next close; they were released at the merge.
    if (chunks === null) return;
    for (let k = 0; k < chunks.length; k += 2) this.arena.release(chunks[k], chunks[k + 1]);
    this.chunks[s] = null;
    this.slots[s] = null;
    this.alive[s] = 0;
  }

  private termId(g: number): number {
    if (g >= this.localOf.length) {
      const l = new Int32Array(Math.max(this.localOf.length * 2, g + 1));
      l.set(this.localOf);
      this.localOf = l;
    }
    const known = this.localOf[g];
    if (known > 0) return known - 1;
    const id = this.terms++;
    this.localOf[g] = id + 1;
    this.postings.push([]);
    if (id >= this.df.length) {
      const d = new Int32Array(this.df.length * 2);
      d.set(this.df);
      this.df = d;
    }
    return id;
  }

  private vectorize(features: StoryFeatures): TermVector {
    const fieldWeights = this.fieldWeights;
    const { ids, counts } = features;
    const fields = FIELDS;
    // The vector lives until the item has joined a story: scratch arrays, viewed at its length.
    if (ids.length > this.vecTerms.length) {
      this.vecTerms = new Int32Array(2 * ids.length);
      this.vecWeights = new Float64Array(2 * ids.length);
    }
    const terms = this.vecTerms.subarray(0, ids.length);
    const weights = this.vecWeights.subarray(0, ids.length);
    let norm = 0;
    const n = this.docs;
    for (let i = 0; i < ids.length; i++) {
      const id = this.termId(ids[i]);
      // Term frequency summed one occurrence at a time, field by field, as the weights add up.
      let f = 0;
      for (let field = 0; field < fields; field++) {
        const w = fieldWeights[field];
        for (let k = counts[fields * i + field]; k > 0; k--) f += w;
      }
      this.df[id]++;
      // (1 + ln tf) damps repeats; df counts the items seen so far, this one included.
      const w = (f >= 1 ? 1 + Math.log(f) : f) * Math.log((n + 1) / this.df[id]);
      terms[i] = id;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms, weights };
  }

  private isOpen(s: number, time: number, seq: number): boolean {
    if (this.slots[s] === null) return false;
    const lt = this.lastTime[s];
    if (!Number.isNaN(time) && !Number.isNaN(lt)) return time - lt <= this.opts.windowHours * HOUR;
    return seq - this.lastSeq[s] <= this.opts.windowItems;
  }

  private exactScore(s: number, vec: TermVector, time: number): number {
    const slots = this.slots[s]!;
    const values = this.arena.values;
    let dot = 0;
    for (let i = 0; i < vec.terms.length; i++) {
      const at = slots.get(vec.terms[i]);
      if (at !== undefined) dot += values[at] * vec.weights[i];
    }
    return (dot / Math.sqrt(this.norms2[s])) * this.decay(time, this.lastTime[s]);
  }

  private decay(a: number, b: number): number {
    if (Number.isNaN(a) || Number.isNaN(b)) return 1;
    return 0.5 ** (Math.abs(a - b) / HOUR / this.opts.halfLifeHours);
  }

  /**
   * The best open story for an item and its score. Dot products are accumulated along the tails
   * of the item's postings (one read per story that has the term, not per candidate and term);
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
      const alive = this.alive;
      const values = this.arena.values;
      const scan = 2 * this.opts.postingsScan;
      for (let i = 0; i < vec.terms.length; i++) {
        const w = vec.weights[i];
        const list = this.postings[vec.terms[i]];
        const stop = Math.max(0, list.length - scan);
        for (let k = list.length - 2; k >= stop; k -= 2) {
          const s = list[k];
          if (alive[s] === 0) continue;
          if (mark[s] !== seq) {
            mark[s] = seq;
            if (!this.isOpen(s, time, seq)) {
              acc[s] = Number.NaN;
              continue;
            }
            acc[s] = 0;
            touched.push(s);
          }
          // A posted story always holds the term: stories only gain terms until they close.
          acc[s] += w * values[list[k + 1]];
        }
      }
      if (touched.length > RESCORE) {
        let nan = false;
        for (const s of touched) {
          acc[s] = (acc[s] / Math.sqrt(this.norms2[s])) * this.decay(time, this.lastTime[s]);
          if (Number.isNaN(acc[s])) nan = true;
        }
        // Only the set of the best few matters (the exact scores below decide, ties to the higher
        // story), so a selection does; but a story with a zero centroid (the first item of an index
        // has idf 0) scores NaN, which sorts by the engine's rules, and then the sort itself is kept.
        if (nan) {
          touched.sort((x, y) => acc[y] - acc[x] || y - x);
          touched.length = RESCORE;
        } else touched = bestOf(touched, acc, RESCORE);
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
      this.chunkNext = grow(this.chunkNext, (n) => new Int32Array(n));
      this.chunkEnd = grow(this.chunkEnd, (n) => new Int32Array(n));
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
      const mark = new Int32Array(this.candidateMark.length * 2).fill(-1);
      mark.set(this.candidateMark);
      this.candidateMark = mark;
    }
    this.parent[s] = s;
    this.slots.push(new Map());
    this.chunks.push([]);
    this.alive[s] = 1;
    this.lastTime[s] = Number.NaN;
    this.open.push(s);
    return s;
  }

  private join(s: number, vec: TermVector, time: number, seq: number): void {
    // A new story's first item sizes its first chunk: most stories never get a second item.
    if (this.chunks[s]!.length === 0 && vec.terms.length > 0) this.newChunk(s, vec.terms.length);
    let norm2 = this.norms2[s];
    for (let i = 0; i < vec.terms.length; i++) norm2 = this.addWeight(s, vec.terms[i], vec.weights[i], norm2);
    this.norms2[s] = norm2;
    this.sizes[s]++;
    if (!Number.isNaN(time))
      this.lastTime[s] = Number.isNaN(this.lastTime[s]) ? time : Math.max(this.lastTime[s], time);
    this.lastSeq[s] = seq;
    this.dirty.add(s);
  }

  // Stories past the window are dropped, centroids and all, to bound memory. A story that took an item
  // in the last `windowItems` arrivals is kept even so: items do not always arrive in time order (a
  // store ingesting an archive after a newer feed), and an older item may still belong to it.
  private closeExpired(time: number, seq: number): void {
    const still: number[] = [];
    for (const s of this.open) {
      if (
        this.isOpen(s, Number.isNaN(time) ? Number.NaN : this.latestTime, seq) ||
        (this.slots[s] !== null && seq - this.lastSeq[s] <= this.opts.windowItems)
      )
        still.push(s);
      else this.release(s);
    }
    this.open = still;
  }
}

/** How many candidates, ranked by their dot product along the postings, are scored exactly. */
const RESCORE = 4;

// The k stories of highest acc (ties: higher story number), as sorting by that order and keeping k would give.
function bestOf(stories: number[], acc: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (const s of stories) {
    const a = acc[s];
    if (top.length === k) {
      const last = top[k - 1];
      if (a < acc[last] || (a === acc[last] && s < last)) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && (acc[top[i - 1]] < a || (acc[top[i - 1]] === a && top[i - 1] < s))) i--;
    top.splice(i, 0, s);
  }
  return top;
}

/** How many of a story's heaviest terms are used to look for stories it should merge with. */
const MERGE_PROBE_TERMS = 8;

// The k heaviest terms of a centroid in one linear pass (a story can hold thousands of terms).
function topTerms(slots: Map<number, number>, values: Float64Array, k: number): number[] {
  const terms: number[] = [];
  const weights: number[] = [];
  for (const [t, at] of slots) {
    const w = values[at];
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

/** clusterStories options: the index's, plus a feature cache to reuse across calls. */
export interface ClusterStoriesOptions extends StoryIndexOptions {
  /** Keeps per-article features between calls (see StoryFeatureCache); the result is the same without it. */
  cache?: StoryFeatureCache;
}

/**
 * Groups articles into stories (incremental, time-aware); returns article id -> story id.
 * Articles are processed in date order; undated ones keep their input order, after the dated.
 * A caller that clusters overlapping sets again and again passes one `cache` to every call.
 * @example
 * clusterStories(seedArticles) // Map { "000.txt" => "story-0", "001.txt" => "story-0", ... }
 * const cache = new StoryFeatureCache();
 * clusterStories(batch, { cache }); // same result; the batch's articles are not tokenized again next time
 */
export function clusterStories(articles: Article[], options: ClusterStoriesOptions = {}): Map<string, string> {
  const { cache, ...indexOptions } = options;
  const items = articles.map(storyItem);
  const order = items
    .map((_, i) => i)
    .sort((x, y) => (items[x].time ?? Infinity) - (items[y].time ?? Infinity) || x - y);
  const index = new StoryIndex(indexOptions, cache ?? null);
  for (const i of order) index.add(items[i]);
  index.flush();
  const out = new Map<string, string>();
  for (const a of articles) out.set(a.id, index.storyOf(a.id)!);
  return out;
}
