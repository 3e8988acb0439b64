import { StoryIndex, storyItem, type StoryFeatureCache } from "@newsfuse/core";
import { articleOfLight, type LightArticle } from "./state.ts";

/**
 * Story assignment as core's incremental story clustering does it (StoryIndex: each article joins the
 * most similar open story, or starts one), kept in memory across batches and mapped to stored story
 * ids. Stored articles keep their story; opening a store replays the latest stored assignments into a
 * new index (StoryIndex.addTo), which then places the next articles as the one that stored them would.
 */
export class StoryPlacer {
  private index: StoryIndex;
  // index story -> stored story id, and back.
  private readonly storedOf = new Map<string, string>();
  private readonly indexOf = new Map<string, string>();

  constructor(private readonly cache: StoryFeatureCache) {
    this.index = new StoryIndex({}, cache);
  }

  has(articleId: string): boolean {
    return this.index.storyOf(articleId) !== undefined;
  }

  /**
   * Places a new article (in the light form the index always sees, so a replay after reopening
   * reads the same text). Returns the stored story it joins, or null when it starts one: the caller
   * then names it with `name`.
   */
  place(a: LightArticle): { at: string; story: string | null } {
    const at = this.index.add(storyItem(articleOfLight(a)));
    return { at, story: this.storedOf.get(at) ?? null };
  }

  /** Names the index story `at` (a new story) as stored story `story`. */
  name(at: string, story: string): void {
    this.storedOf.set(at, story);
    this.indexOf.set(story, at);
  }

  /**
   * Compares the stories that took articles since the last call with their neighbours and merges those
   * that have grown together (StoryIndex.flush): run at the end of every batch, so a story that an
   * arrival order split in two (another process's articles not seen yet) is joined again.
   */
  flush(): void {
    this.index.flush();
  }

  /**
   * Stored stories the index merged since the last call, as [merged-away, merged-into] in the order
   * made (StoryIndex.takeMerges): the caller moves the first's articles into the second.
   */
  takeMerges(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [from, into] of this.index.takeMerges()) {
      const a = this.storedOf.get(from);
      const b = this.storedOf.get(into);
      if (a && b && a !== b) {
        out.push([a, b]);
        this.indexOf.set(a, into);
      }
    }
    return out;
  }

  /** Replays a stored article's assignment. */
  replay(a: LightArticle & { storyId: string }): void {
    const at = this.index.addTo(storyItem(articleOfLight(a)), this.indexOf.get(a.storyId) ?? null);
    if (!this.storedOf.has(at)) this.storedOf.set(at, a.storyId);
    this.indexOf.set(a.storyId, at);
  }

  clear(): void {
    this.index = new StoryIndex({}, this.cache);
    this.storedOf.clear();
    this.indexOf.clear();
  }
}
