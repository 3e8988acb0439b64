import { describe, expect, it } from "vitest";
import type { DuplicateGroup } from "@newsfuse/core";
import { groupId, mergeGroups } from "./derive.ts";

const g = (
  articles: string[],
  original: string,
  similarity: number,
  kind: DuplicateGroup["kind"] = "near",
): DuplicateGroup => ({
  id: "x",
  kind,
  articles,
  original,
  similarity,
  pairs: articles.slice(1).map((b) => ({ a: articles[0]!, b, jaccard: similarity, containment: similarity })),
});

describe("merging duplicate groups found in a batch with stored groups", () => {
  it("joins a new copy to the whole stored group, keeping every pair as evidence", () => {
    const stored = g(["wire", "copy1", "copy2", "copy9"], "wire", 0.9);
    const found = g(["wire", "copy1", "new"], "wire", 0.8); // the pool held only a sample of the stored group
    const [merged, ...rest] = mergeGroups([found], [stored]);
    expect(rest).toEqual([]);
    expect(merged!.articles).toEqual(["copy1", "copy2", "copy9", "new", "wire"]);
    expect(merged!.original).toBe("wire");
    expect(merged!.similarity).toBe(0.8);
    expect(merged!.id).toBe(groupId(["copy1"]));
    expect(merged!.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(["wire-copy1", "wire-copy2", "wire-copy9", "wire-new"]);
  });

  it("bridges two stored groups through a new article and leaves unrelated groups apart", () => {
    const a = g(["a1", "a2"], "a1", 0.95);
    const b = g(["b1", "b2"], "b1", 0.9);
    const c = g(["c1", "c2"], "c1", 1, "exact");
    const bridge = g(["a2", "bridge", "b1"], "b1", 0.7);
    const out = mergeGroups([bridge], [a, b, c]).sort((x, y) => (x.articles[0]! < y.articles[0]! ? -1 : 1));
    expect(out.map((x) => x.articles)).toEqual([
      ["a1", "a2", "b1", "b2", "bridge"],
      ["c1", "c2"],
    ]);
    expect(out[0]!.original).toBe("b1");
    expect(out[1]).toMatchObject({ kind: "exact", original: "c1", similarity: 1 });
  });
});
