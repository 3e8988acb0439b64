import { hash64Hex } from "../dedup/hash.ts";
import { contentWords, urlWords } from "./terms.ts";

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
 * The terms of one item before any index sees it: each distinct term once, in order of first
 * occurrence (title, url, body, entities "e:", quotes "q:"), with how often each field has it.
 * Independent of the index's vocabulary and document frequencies, so it can be kept and reused.
 */
export interface StoryFeatures {
  terms: string[];
  /** FIELDS counts per term: title, url, body, entity, quote occurrences. */
  counts: Int32Array;
}

/**
 * The features of an item for the fields a shape uses.
 * @example storyFeatures({ id: "1", title: "Apple unveils iPads", url: "http://x.com/apple-ipads" }, shape).terms // ["apple", "unveil", "ipad"]
 */
export function storyFeatures(item: StoryItem, shape: FeatureShape): StoryFeatures {
  const slot = new Map<string, number>();
  const terms: string[] = [];
  let counts = new Int32Array(FIELDS * 64);
  const bump = (words: Iterable<string>, prefix: string, field: number) => {
    for (const w of words) {
      const t = prefix === "" ? w : prefix + w;
      let j = slot.get(t);
      if (j === undefined) {
        j = terms.length;
        slot.set(t, j);
        terms.push(t);
        if (FIELDS * terms.length > counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      counts[FIELDS * j + field]++;
    }
  };
  // Fields a weight of 0 leaves out add no term: the same terms, in the same order, as weighting them would.
  if (item.title && shape.titleWeight > 0) bump(contentWords(item.title), "", 0);
  if (item.url && shape.urlWeight > 0) bump(new Set(urlWords(item.url)), "", 1);
  if (item.text && shape.bodyWeight > 0) bump(contentWords(item.text, shape.bodyWords), "", 2);
  if (item.entities && shape.entityWeight > 0) bump(new Set(item.entities.map((e) => e.toLowerCase())), "e:", 3);
  if (item.quotes && shape.quoteWeight > 0) bump(new Set(item.quotes.map((q) => contentWords(q, 8).join(" ")).filter(Boolean)), "q:", 4);
  return { terms, counts: counts.slice(0, FIELDS * terms.length) };
}

/** Cache options. */
export interface StoryFeatureCacheOptions {
  /** At most this many items are kept; the least recently used go first. */
  maxEntries?: number;
}

/** Default size: the store re-clusters up to ~3,000 members per batch, most of them again and again. */
export const STORY_FEATURE_CACHE_ENTRIES = 8192;

interface CacheEntry {
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
  hits = 0;
  misses = 0;

  constructor(options: StoryFeatureCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? STORY_FEATURE_CACHE_ENTRIES);
  }

  /** Number of items held. */
  get size(): number {
    return this.entries.size;
  }

  /** The item's features for the shape: from the cache when its content is unchanged, else computed and kept. */
  features(item: StoryItem, shape: FeatureShape): StoryFeatures {
    const key = `${shapeKey(shape)}\u0000${item.id}`;
    const fingerprint = itemFingerprint(item);
    const hit = this.entries.get(key);
    if (hit && hit.fingerprint === fingerprint) {
      this.hits++;
      // Re-inserting moves the entry to the recent end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.features;
    }
    this.misses++;
    const features = storyFeatures(item, shape);
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, features });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return features;
  }

  clear(): void {
    this.entries.clear();
  }
}

function shapeKey(s: FeatureShape): string {
  const on = (w: number) => (w > 0 ? "1" : "0");
  return on(s.titleWeight) + on(s.urlWeight) + on(s.bodyWeight) + on(s.entityWeight) + on(s.quoteWeight) + s.bodyWords;
}

// Everything the features are made of, unambiguously delimited (text moved from one field to another
// changes it); hashing it costs far less than tokenizing it.
function itemFingerprint(item: StoryItem): string {
  const content = JSON.stringify([item.title ?? "", item.url ?? "", item.text ?? "", item.entities ?? [], item.quotes ?? []]);
  return `${content.length}:${hash64Hex(content)}`;
}
