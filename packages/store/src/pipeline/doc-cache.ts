import type { Article } from "@newsfuse/core";

/**
 * The most recently stored or read analyzed articles, so re-fusing a story that the last batches
 * touched does not read and inflate the same documents again. Articles never change once stored
 * (reanalysis and deletion clear or drop them), so entries need no revalidation.
 */
export class DocCache {
  private readonly map = new Map<string, Article>();

  constructor(private readonly capacity = 2000) {}

  get(id: string): Article | undefined {
    const a = this.map.get(id);
    if (a) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.map.delete(id);
      this.map.set(id, a);
    }
    return a;
  }

  set(a: Article): void {
    this.map.delete(a.id);
    this.map.set(a.id, a);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  delete(id: string): void {
    this.map.delete(id);
  }

  clear(): void {
    this.map.clear();
  }
}
