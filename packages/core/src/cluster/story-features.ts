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
  // Raw token -> id of its stem, or -1 for a stopword: one lookup per body word.
  private readonly tokens = new Map<string, number>();
  // Per term id, scratch for storyFeatures: the call that last saw the term and its place there.
  private seen = new Int32Array(1024);
  private place = new Int32Array(1024);
  private calls = 0;

  /** Number of terms and tokens held (what the dictionary's memory grows with). */
  get size(): number {
    return this.ids.size + this.tokens.size;
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

  /** The id of a token's stem (as contentWords stems it), or -1 for a stopword. */
  tokenId(token: string): number {
    let id = this.tokens.get(token);
    if (id === undefined) {
      const w = storyWord(token);
      id = w === null ? -1 : this.id(w);
      this.tokens.set(token, id);
    }
    return id;
  }

  /**
   * The features of an item for the fields a shape uses.
   * @example new TermDictionary().features({ id: "1", title: "Apple unveils iPads" }, shape).ids.length // 3
   */
  features(item: StoryItem, shape: FeatureShape): StoryFeatures {
    const call = ++this.calls;
    let ids = new Int32Array(64);
    let counts = new Int32Array(FIELDS * 64);
    let n = 0;
    const bumpId = (id: number, field: number) => {
      let j: number;
      if (this.seen[id] === call) j = this.place[id];
      else {
        this.seen[id] = call;
        this.place[id] = j = n++;
        if (n > ids.length) {
          ids = grow(ids);
          counts = grow(counts);
        }
        ids[j] = id;
      }
      counts[FIELDS * j + field]++;
    };
    const bump = (words: Iterable<string>, prefix: string, field: number) => {
      for (const w of words) bumpId(this.id(prefix + w), field);
    };
    const bumpTokens = (text: string, limit: number, field: number) =>
      forEachToken(text, limit, (token) => {
        const id = this.tokenId(token);
        if (id < 0) return false;
        bumpId(id, field);
        return true;
      });
    // Fields a weight of 0 leaves out add no term: the same terms, in the same order, as weighting them would.
    if (item.title && shape.titleWeight > 0) bumpTokens(item.title, Infinity, 0);
    if (item.url && shape.urlWeight > 0) bump(new Set(urlWords(item.url)), "", 1);
    if (item.text && shape.bodyWeight > 0) bumpTokens(item.text, shape.bodyWords, 2);
    if (item.entities && shape.entityWeight > 0) bump(new Set(item.entities.map((e) => e.toLowerCase())), "e:", 3);
    if (item.quotes && shape.quoteWeight > 0) bump(new Set(item.quotes.map((q) => contentWords(q, 8).join(" ")).filter(Boolean)), "q:", 4);
    return { dictionary: this, ids: ids.slice(0, n), counts: counts.slice(0, FIELDS * n) };
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
  return contentFingerprint([item.title ?? "", item.url ?? "", item.text ?? "", String(entities.length), ...entities, ...(item.quotes ?? [])]);
}
