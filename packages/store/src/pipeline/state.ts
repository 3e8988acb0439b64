import {
  DEDUP_FEATURE_CACHE_ENTRIES,
  DedupFeatureCache,
  StoryFeatureCache,
  StoryIndex,
  type Article,
  type DedupItem,
} from "@newsfuse/core";
import { DocCache, EncodedDocs, Lru } from "./docs.ts";
import { FusedCache } from "./refuse.ts";

/** The slice of an article the in-memory indexes need; reloaded from columns, not from the JSONB body. */
export interface LightArticle {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  agency: string | null;
  /** The first LEDE_CHARS of the body: enough to find candidate stories for a headline-less article. */
  lede: string;
  /**
   * The first HEAD_CHARS of the body, which story clustering reads; null until needed. Reopening a
   * store reads only the ledes, and deriveBatch loads the heads of the articles it re-clusters.
   */
  head: string | null;
  entities: Array<{ name: string; type: Article["entities"][number]["type"] }>;
  /** The article's URL: its words count in story assignment. */
  url: string | null;
  storyId: string | null;
  groupId: string | null;
  keys: number[];
}

const STOP = new Set(
  "about after again against also among amid because before being between could during from have having into just more most other over said says says since some such than that their them then there these they this those through under until very were what when where which while will with would year years".split(
    " ",
  ),
);

/** Terms that point an article at candidate stories: content words of the title and entity names. */
export function storyTerms(a: Pick<LightArticle, "title" | "entities" | "lede">): string[] {
  const title = a.title ?? a.lede;
  const t = new Set<string>();
  for (const w of title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) if (!STOP.has(w)) t.add(w);
  for (const e of a.entities) t.add(`e:${e.name.toLowerCase()}`);
  return [...t];
}

// Postings longer than this are ignored for candidate retrieval: a term shared by that many articles
// ("police", a boilerplate shingle) points everywhere and so nowhere.
export const MAX_POSTINGS = 400;

/**
 * The in-memory indexes ingest uses to find candidates without scanning the store: dedup keys,
 * story terms, group and story membership. Rebuilt from the database at open and caught up from
 * rows other processes changed (`rev`) before each batch.
 */
export class DeriveState {
  rev = 0;
  readonly articles = new Map<string, LightArticle>();
  readonly keyIndex = new Map<number, string[]>();
  readonly groups = new Map<string, Set<string>>();
  readonly stories = new Map<string, Set<string>>();
  readonly termIndex = new Map<string, Set<string>>();
  /** Full analyzed articles recently stored or read (for dedup pools and fusion). */
  readonly docs = new DocCache();
  /** Their encoded documents, what fusion on the workers is sent. */
  readonly encoded = new EncodedDocs();
  /** Per-article features of story clustering and dedup, reused by every batch that re-reads the article. */
  readonly storyFeatures = new StoryFeatureCache();
  // Article texts never change under an id (reanalysis and deletion clear the state), so cached dedup
  // features are served without fingerprinting the text again.
  readonly dedupFeatures = new DedupFeatureCache({ immutable: true });
  /** Dedup items of recent articles without their text (see deriveBatch): enough with cached features. */
  readonly dedupItems = new Lru<DedupItem>(DEDUP_FEATURE_CACHE_ENTRIES);
  /** What this process last wrote for each story it fused. */
  readonly fused = new FusedCache();
  /**
   * Provisional placement of headline items between settles: a StoryIndex fed in arrival order, and
   * the store story each of its stories was given. `settleStories` replaces both with the placement
   * of the whole stored set.
   */
  live = new StoryIndex({}, this.storyFeatures);
  readonly liveStory = new Map<string, string>();
  /** Whether articles were placed provisionally since the last settle. */
  unsettled = false;

  apply(a: LightArticle): void {
    const old = this.articles.get(a.id);
    if (old) {
      if (old.groupId && old.groupId !== a.groupId) this.groups.get(old.groupId)?.delete(a.id);
      if (old.storyId && old.storyId !== a.storyId) this.stories.get(old.storyId)?.delete(a.id);
    } else {
      for (const k of a.keys) {
        const list = this.keyIndex.get(k);
        if (list) list.push(a.id);
        else this.keyIndex.set(k, [a.id]);
      }
    }
    this.articles.set(a.id, a);
    if (a.groupId) {
      if (!this.groups.has(a.groupId)) this.groups.set(a.groupId, new Set());
      this.groups.get(a.groupId)!.add(a.id);
    }
    if (a.storyId) {
      if (!this.stories.has(a.storyId)) this.stories.set(a.storyId, new Set());
      this.stories.get(a.storyId)!.add(a.id);
      for (const t of storyTerms(a)) {
        let s = this.termIndex.get(t);
        if (!s) this.termIndex.set(t, (s = new Set()));
        if (s.size < MAX_POSTINGS) s.add(a.storyId);
      }
    }
  }

  setGroup(id: string, groupId: string | null): void {
    const a = this.articles.get(id);
    if (a && a.groupId !== groupId) this.apply({ ...a, groupId });
  }

  setStory(id: string, storyId: string | null): void {
    const a = this.articles.get(id);
    if (a && a.storyId !== storyId) this.apply({ ...a, storyId });
  }

  /** Existing articles that share dedup keys with `keys`, best first. */
  dedupCandidates(keys: number[], self: string, max = 20): string[] {
    const score = new Map<string, number>();
    keys.forEach((k, i) => {
      const list = this.keyIndex.get(k);
      if (!list || (i > 0 && list.length > MAX_POSTINGS)) return;
      // The exact-text key alone is enough; sketch keys must agree at least twice.
      for (const id of list) if (id !== self) score.set(id, (score.get(id) ?? 0) + (i === 0 ? 100 : 1));
    });
    return [...score]
      .filter(([, s]) => s >= 2)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, max)
      .map(([id]) => id);
  }

  /** Stories that share terms with the article, best first. */
  storyCandidates(a: Pick<LightArticle, "title" | "entities" | "lede">, max = 12): string[] {
    const score = new Map<string, number>();
    for (const t of storyTerms(a)) for (const s of this.termIndex.get(t) ?? []) score.set(s, (score.get(s) ?? 0) + 1);
    return [...score]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, max)
      .map(([id]) => id);
  }

  clear(): void {
    this.rev = 0;
    this.articles.clear();
    this.keyIndex.clear();
    this.groups.clear();
    this.stories.clear();
    this.termIndex.clear();
    this.docs.clear();
    this.encoded.clear();
    this.fused.clear();
    this.storyFeatures.clear();
    this.dedupFeatures.clear();
    this.dedupItems.clear();
    this.resetLive();
    this.unsettled = false;
  }

  /** Starts the provisional index afresh (after a settle, or a cleared state). */
  resetLive(): void {
    this.live = new StoryIndex({}, this.storyFeatures);
    this.liveStory.clear();
  }
}

/** A LightArticle from an analyzed article (used for new articles and for reps passed to clustering). */
export function lightOf(
  a: Article,
  keys: number[],
  storyId: string | null = null,
  groupId: string | null = null,
): LightArticle {
  return {
    id: a.id,
    title: a.title,
    published: (a.published.conflicts.length === 0 ? a.published.stated : null) ?? a.published.inferred,
    outlet: a.provenance.outlet,
    agency: a.provenance.agency,
    lede: a.body.slice(0, LEDE_CHARS),
    head: a.body.slice(0, HEAD_CHARS),
    entities: a.entities.map((e) => ({ name: e.name, type: e.type })),
    url: a.provenance.url,
    storyId,
    groupId,
    keys,
  };
}

/**
 * How much body the story clusterer sees for a stored article: core's story clustering reads the
 * first 400 words (about 2,400 characters), so the light copy keeps that much and clusters like the full one.
 */
export const HEAD_CHARS = 2600;
export const LEDE_CHARS = 160;

/** An Article good enough for clustering, rebuilt from a LightArticle. */
export function articleOfLight(l: LightArticle): Article {
  return {
    id: l.id,
    title: l.title,
    titleDerived: false,
    dateline: null,
    published: { stated: l.published, inferred: null, weekday: null, conflicts: [], source: null, modified: null },
    authors: [],
    contributors: [],
    credits: [],
    provenance: { agency: l.agency, republishedFrom: null, materialFrom: [], outlet: l.outlet, url: l.url },
    language: null,
    body: l.head ?? l.lede,
    entities: l.entities.map((e, i) => ({
      id: `e${i}`,
      name: e.name,
      type: e.type,
      role: null,
      roles: [],
      aliases: [],
      mentions: [],
    })),
    quotes: [],
    numbers: [],
    removed: [],
  };
}
