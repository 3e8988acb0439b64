import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "../cluster/derive-sample.fixture.ts";
import { dedupItem, findDuplicates } from "./dedup.ts";
import { DedupFeatureCache } from "./features.ts";

const sample = loadDeriveSample();
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
// Two overlapping pools, as two ingest batches whose candidates overlap.
const pool1 = [...sample.slice(0, 100), ...sample.slice(150, 200)].sort(byId);
const pool2 = [...sample.slice(25, 50), ...sample.slice(100, 150), ...sample.slice(175, 250)].sort(byId);

describe("DedupFeatureCache", () => {
  it("finds the same groups with a cache as without, across calls whose pools overlap", () => {
    const cache = new DedupFeatureCache();
    expect(findDuplicates(pool1, { cache })).toEqual(findDuplicates(pool1));
    expect(cache.misses).toBe(pool1.length);
    const groups2 = findDuplicates(pool2, { cache });
    expect(groups2).toEqual(findDuplicates(pool2));
    expect(groups2.length).toBeGreaterThan(10);
    expect(cache.hits).toBe(pool2.filter((a) => pool1.includes(a)).length);
  });

  it("an immutable cache lets cached articles come back without their text and finds the same groups", () => {
    const cache = new DedupFeatureCache({ immutable: true });
    findDuplicates(pool1, { cache });
    // Articles of pool1 come back as dedup items with no text, as a store passes them.
    const light = pool2.map((a) => (cache.has(a.id) ? { ...dedupItem(a), text: "" } : a));
    expect(light.filter((x) => !("body" in x)).length).toBe(pool2.filter((a) => pool1.includes(a)).length);
    const groups = findDuplicates(light, { cache });
    expect(groups.length).toBeGreaterThan(10);
    expect(groups).toEqual(findDuplicates(pool2));
  });

  it("recomputes an article whose text changed instead of serving the old features", () => {
    const cache = new DedupFeatureCache();
    const [a, b] = [sample[0], sample[1]];
    expect(findDuplicates([a, b], { cache })).toEqual([]);
    // Same id, now a copy of b: the cached features of the old text must not be used.
    const changed = { ...a, body: b.body };
    expect(findDuplicates([changed, b], { cache })).toEqual(findDuplicates([changed, b]));
    expect(findDuplicates([changed, b], { cache })[0].kind).toBe("exact");
  });

  it("keeps at most maxEntries articles, dropping the least recently used", () => {
    const cache = new DedupFeatureCache({ maxEntries: 10 });
    findDuplicates(sample.slice(0, 30), { cache });
    expect(cache.size).toBe(10);
    findDuplicates(sample.slice(20, 30), { cache });
    expect(cache.hits).toBe(10);
  });
});
