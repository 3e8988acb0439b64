import { contentFingerprint } from "../dedup/hash.ts";
import { contentWords, forEachToken, storyWord, urlWords } from "./terms.ts";

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

/** Which fields take part (weight above 0) and how much body is read: all the features depend on. */
export interface FeatureShape {
  titleWeight: number;
  urlWeight: number;
  bodyWeight: number;
  entityWeight: number;
  quoteWeight: number;
  bodyWords: number;
}

/** Number of fields, and the order their counts have in `StoryFeatures.counts`. */
export const FIELDS = 5;

/**
 * Terms as dense integer ids, shared by the features made with it and the indexes that read them,
 * so an index finds a term's postings without hashing its string.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  // Raw token -> id of its stem, or -1 for a stopword: one lookup per body word, so an open-address
  // table probed with the token's characters in place (no substring, no string hashing by the engine).
  private tokenSlots = new Int32Array(1 << 12);
  private tokenText: string[] = [];
  private tokenHash = new Int32Array(1 << 11);
  private tokenIds = new Int32Array(1 << 11);
  // Per term id, scratch for storyFeatures: the call that last saw the term and its place there.
  private seen = new Int32Array(1024);
  private place = new Int32Array(1024);
  private calls = 0;
  private n = 0;
  private scratchIds = new Int32Array(256);
  private scratchCounts = new Int32Array(FIELDS * 256);

  /** Number of terms and tokens held (what the dictionary's memory grows with). */
  get size(): number {
    return this.ids.size + this.tokenText.length;
  }

  /** The id of a term, assigned on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      if (id === this.seen.length) {
        this.seen = grow(this.seen);
        this.place = grow(this.place);
      }
    }
    return id;
  }

  /** The id of the stem of token `lower[start, end)` (as contentWords stems it), or -1 for a stopword. */
  tokenId(lower: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
    h ^= h >>> 15;
    const mask = this.tokenSlots.length - 1;
    const len = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.tokenSlots[i] - 1;
      if (e < 0) break;
      if (this.tokenHash[e] !== h) continue;
      const t = this.tokenText[e];
      if (t.length !== len) continue;
      let k = 0;
      while (k < len && t.charCodeAt(k) === lower.charCodeAt(start + k)) k++;
      if (k === len) return this.tokenIds[e];
    }
    const token = lower.slice(start, end);
    const w = storyWord(token);
    const id = w === null ? -1 : this.id(w);
    this.addToken(token, h, id);
    return id;
  }

  private addToken(token: string, h: number, id: number): void {
    const e = this.tokenText.length;
    this.tokenText.push(token);
    if (e === this.tokenHash.length) {
      this.tokenHash = grow(this.tokenHash);
      this.tokenIds = grow(this.tokenIds);
    }
    this.tokenHash[e] = h;
    this.tokenIds[e] = id;
    // At most half full, so probes stay short.
    if (2 * (e + 1) > this.tokenSlots.length) {
      this.tokenSlots = new Int32Array(this.tokenSlots.length * 2);
      for (let k = 0; k <= e; k++) this.slotToken(k);
    } else this.slotToken(e);
  }

  private slotToken(e: number): void {
    const mask = this.tokenSlots.length - 1;
    let i = this.tokenHash[e] & mask;
    while (this.tokenSlots[i] !== 0) i = (i + 1) & mask;
    this.tokenSlots[i] = e + 1;
  }

  /**
   * The features of an item for the fields a shape uses.
   * @example new TermDictionary().features({ id: "1", title: "Apple unveils iPads" }, shape).ids.length // 3
   */
  features(item: StoryItem, shape: FeatureShape): StoryFeatures {
    // The call number marks the terms seen in this item; it must stay an int32, as `seen` stores it.
    if (++this.calls === 0x7fffffff) {
      this.seen.fill(0);
      this.calls = 1;
    }
    this.n = 0;
    // Fields a weight of 0 leaves out add no term: the same terms, in the same order, as weighting them would.
    if (item.title && shape.titleWeight > 0) this.addTokens(item.title, Infinity, 0);
    if (item.url && shape.urlWeight > 0) for (const w of new Set(urlWords(item.url))) this.add(this.id(w), 1);
    if (item.text && shape.bodyWeight > 0) this.addTokens(item.text, shape.bodyWords, 2);
    if (item.entities && shape.entityWeight > 0)
      for (const name of new Set(item.entities.map((e) => e.toLowerCase()))) this.add(this.id(`e:${name}`), 3);
    if (item.quotes && shape.quoteWeight > 0) {
      for (const q of new Set(item.quotes.map((q) => contentWords(q, 8).join(" ")).filter(Boolean)))
        this.add(this.id(`q:${q}`), 4);
    }
    return {
      dictionary: this,
      ids: this.scratchIds.slice(0, this.n),
      counts: this.scratchCounts.slice(0, FIELDS * this.n),
    };
  }

  private addTokens(text: string, limit: number, field: number): void {
    forEachToken(text, limit, (lower, start, end) => {
      const id = this.tokenId(lower, start, end);
      if (id < 0) return false;
      this.add(id, field);
      return true;
    });
  }

  // Counts one occurrence of term `id` in `field` of the item being read (in scratch arrays kept
  // between calls, copied out at their final size).
  private add(id: number, field: number): void {
    let j: number;
    if (this.seen[id] === this.calls) j = this.place[id];
    else {
      this.seen[id] = this.calls;
      this.place[id] = j = this.n++;
      if (this.n > this.scratchIds.length) {
        this.scratchIds = grow(this.scratchIds);
        this.scratchCounts = grow(this.scratchCounts);
      }
      this.scratchIds[j] = id;
      const c = this.scratchCounts;
      c[FIELDS * j] = c[FIELDS * j + 1] = c[FIELDS * j + 2] = c[FIELDS * j + 3] = c[FIELDS * j + 4] = 0;
    }
    this.scratchCounts[FIELDS * j + field]++;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The terms of one item before any index sees it: each distinct term once, in order of first
 * occurrence (title, url, body, entities "e:", quotes "q:"), with how often each field has it.
 * Independent of any index's document frequencies, so it can be kept and reused.
 */
export interface StoryFeatures {
  /** The dictionary the ids belong to. */
  dictionary: TermDictionary;
  ids: Int32Array;
  /** FIELDS counts per term: title, url, body, entity, quote occurrences. */
  counts: Int32Array;
}

/** Cache options. */
export interface StoryFeatureCacheOptions {
  /** At most this many items are kept; the least recently used go first. */
  maxEntries?: number;
}

/** Default size: the store re-clusters up to ~3,000 members per batch, most of them again and again. */
export const STORY_FEATURE_CACHE_ENTRIES = 8192;

// Past this many terms the dictionary (and with it every entry) starts afresh, between indexes:
// names and numbers keep coming, and the dictionary keeps every term it has seen.
const MAX_TERMS = 1 << 20;

interface CacheEntry {
  shape: string;
  fingerprint: string;
  features: StoryFeatures;
}

/**
 * Keeps the features of items between calls, so an item clustered again (the store re-clusters
 * the recent members of every candidate story with each batch) is not tokenized again. Entries
 * are keyed by item id and checked against a fingerprint of everything the features are made
 * of (title, text, url, entities, quotes), so an item whose content changed is recomputed, never
 * served stale. Bounded LRU. Results with and without a cache are identical.
 * @example
 * const cache = new StoryFeatureCache();
 * clusterStories(batch1, { cache });
 * clusterStories(batch2, { cache }); // articles of batch1 that come again are not re-read
 */
export class StoryFeatureCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly maxEntries: number;
  private dictionary = new TermDictionary();
  hits = 0;
  misses = 0;

  constructor(options: StoryFeatureCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? STORY_FEATURE_CACHE_ENTRIES);
  }

  /** The dictionary for a new index: features from this cache are in it while the index lives. */
  dictionaryForIndex(): TermDictionary {
    if (this.dictionary.size > MAX_TERMS) {
      this.dictionary = new TermDictionary();
      this.entries.clear();
    }
    return this.dictionary;
  }

  /** Number of items held. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The item's features for the shape (`key`: its shapeKey) in `dictionary`: from the cache when
   * its content is unchanged, else computed and kept. An index still on a dictionary the cache has since
   * replaced gets its features computed, not cached.
   */
  features(item: StoryItem, shape: FeatureShape, key: string, dictionary: TermDictionary): StoryFeatures {
    if (dictionary !== this.dictionary) return dictionary.features(item, shape);
    const fingerprint = itemFingerprint(item);
    const hit = this.entries.get(item.id);
    if (hit && hit.fingerprint === fingerprint && hit.shape === key) {
      this.hits++;
      // Re-inserting moves the entry to the recent end of the Map's order.
      this.entries.delete(item.id);
      this.entries.set(item.id, hit);
      return hit.features;
    }
    this.misses++;
    const features = this.dictionary.features(item, shape);
    this.entries.delete(item.id);
    this.entries.set(item.id, { shape: key, fingerprint, features });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return features;
  }

  clear(): void {
    this.entries.clear();
    this.dictionary = new TermDictionary();
  }
}

/** What tells features of one shape from another's. */
export function shapeKey(s: FeatureShape): string {
  const on = (w: number) => (w > 0 ? "1" : "0");
  return on(s.titleWeight) + on(s.urlWeight) + on(s.bodyWeight) + on(s.entityWeight) + on(s.quoteWeight) + s.bodyWords;
}

// Everything the features are made of; hashing it costs far less than tokenizing it.
function itemFingerprint(item: StoryItem): string {
  const entities = item.entities ?? [];
  return contentFingerprint([
    item.title ?? "",
    item.url ?? "",
    item.text ?? "",
    String(entities.length),
    ...entities,
    ...(item.quotes ?? []),
  ]);
}
