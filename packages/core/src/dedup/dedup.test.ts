import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Article } from "../schema/article.ts";
import { DedupIndex, dedupEntry, findDuplicates } from "./dedup.ts";

const seedDir = join(import.meta.dirname, "../../../../seeds");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ id: f, text: readFileSync(join(seedDir, f), "utf8") }));

function article(id: string, body: string, extra: { outlet?: string; agency?: string; date?: string } = {}): Article {
  return Article.parse({
    id,
    title: null,
    titleDerived: false,
    dateline: null,
    published: { stated: extra.date ?? null, inferred: null, weekday: null, conflicts: [] },
    authors: [],
    contributors: [],
    provenance: {
      agency: extra.agency ?? null,
      republishedFrom: null,
      materialFrom: [],
      outlet: extra.outlet ?? null,
      url: null,
    },
    body,
    entities: [],
    quotes: [],
    numbers: [],
  });
}

const paragraphs = (t: string) =>
  t
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

describe("findDuplicates on the seeds", () => {
  it("finds no duplicates among the five independently reported seeds", () => {
    expect(findDuplicates(seeds.map((s) => article(s.id, s.text)))).toEqual([]);
  });

  it("groups a seed ingested twice as an exact duplicate with similarity 1", () => {
    const arts = seeds.map((s) => article(s.id, s.text));
    arts.push(article("again.txt", seeds[2].text.replace(/\s+/g, " ")));
    const groups = findDuplicates(arts);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: "exact", articles: [seeds[2].id, "again.txt"], similarity: 1 });
  });

  for (const seed of seeds) {
    it(`finds ${seed.id} with its boilerplate swapped, sentences edited and a paragraph removed`, () => {
      const paras = paragraphs(seed.text);
      const edited = paras
        .filter((_, i) => i !== 3) // a paragraph removed
        .map((p, i) => (i % 4 === 1 ? p.replace(/\b(said|says)\b/g, "stated").replace(/\bRussia\b/g, "Moscow") : p));
      const variant = [
        "Subscribe to our newsletter for the latest updates",
        ...edited,
        "Share this article: Facebook Twitter Email",
        "© 2022 Example News Network",
      ].join("\n\n");
      const groups = findDuplicates([...seeds.map((s) => article(s.id, s.text)), article("variant", variant)]);
      expect(groups).toHaveLength(1);
      expect(groups[0].articles).toEqual([seed.id, "variant"]);
      expect(groups[0].kind).toBe("near");
    });
  }

  it("finds a copy trimmed to its first half through containment, though its Jaccard is low", () => {
    const paras = paragraphs(seeds[1].text);
    const half = paras.slice(0, Math.ceil(paras.length / 2)).join("\n\n");
    const groups = findDuplicates([article("full", seeds[1].text), article("half", half)]);
    expect(groups).toHaveLength(1);
    expect(groups[0].pairs[0].containment).toBeGreaterThan(0.95);
    expect(groups[0].pairs[0].jaccard).toBeLessThan(0.7);
  });
});

describe("DedupIndex", () => {
  it("calls copies under different outlets syndicated and picks the earliest, then the wire copy, as original", () => {
    const text = seeds[3].text;
    const groups = findDuplicates([
      article("aggregator", `${text}\n\nUSTimeToday is an automatic aggregator of the all world's media.`, {
        outlet: "USTimeToday",
        date: "2021-12-03",
      }),
      article("reuters", text, { outlet: "Reuters", agency: "Reuters", date: "2021-12-02" }),
      article("blog", text, { outlet: "Some Blog", date: "2021-12-02" }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].kind).toBe("syndicated");
    expect(groups[0].original).toBe("reuters");
    expect(groups[0].articles).toEqual(["aggregator", "reuters", "blog"]);
  });

  it("returns the group of each article as it is added", () => {
    const index = new DedupIndex();
    expect(index.add({ id: "a", text: seeds[0].text })).toBeNull();
    expect(index.add({ id: "b", text: seeds[4].text })).toBeNull();
    const g = index.add({ id: "c", text: seeds[0].text.replace("Thursday", "Friday") });
    expect(g?.articles).toEqual(["a", "c"]);
    expect(index.groupOf("a")?.id).toBe(g?.id);
  });

  it("restores from a serialized snapshot to the same groups without recomputing signatures", () => {
    const index = new DedupIndex();
    for (const s of seeds) index.add({ id: s.id, text: s.text, date: null });
    index.add({ id: "copy", text: seeds[1].text.slice(200) });
    const snapshot = JSON.parse(JSON.stringify(index.serialize()));
    const restored = DedupIndex.restore(snapshot);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.groups()).toEqual(index.groups());
    expect(restored.value.add({ id: "copy2", text: seeds[4].text })?.articles).toEqual([seeds[4].id, "copy2"]);
  });

  it("rejects a malformed snapshot with an error naming the entry", () => {
    const bad = DedupIndex.restore({
      version: 1,
      minhashSize: 128,
      entries: [{ id: "x", exact: "00", shingles: "!!", signature: "" }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: "input_malformed", detail: { entry: 0 } });
    expect(DedupIndex.restore("nope").ok).toBe(false);
  });

  it("computes the same entry for the same text on every call (seeded hashing)", () => {
    const a = dedupEntry({ id: "x", text: seeds[2].text });
    const b = dedupEntry({ id: "x", text: seeds[2].text });
    expect(a.exact).toBe(b.exact);
    expect([...a.signature]).toEqual([...b.signature]);
  });
});
