import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fmix32, seededSequence } from "./hash.ts";
import { LshIndex } from "./lsh.ts";
import { estimateJaccard, MINHASH_SEED, MINHASH_SIZE, minhashScalar, minhashSignature } from "./minhash.ts";
import { minhashSimd } from "./minhash-simd.ts";
import { dedupWords, setSimilarity, shingleSet } from "./shingles.ts";
import { UnionFind } from "./unionfind.ts";

const seedDir = join(import.meta.dirname, "../../../../seeds");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), "utf8"));
const words = seeds.map(dedupWords);

describe("shingles", () => {
  it("ignores case, punctuation and curly versus straight apostrophes", () => {
    expect(dedupWords("Russia’s “serious costs,” he said.")).toEqual(dedupWords("russia's serious costs -- he SAID"));
  });

  it("gives Jaccard 1 to a seed and itself, and containment 1 to its first half", () => {
    const full = shingleSet(words[0]);
    const half = shingleSet(words[0].slice(0, words[0].length / 2));
    expect(setSimilarity(full, full).jaccard).toBe(1);
    expect(setSimilarity(full, half).containment).toBe(1);
    expect(setSimilarity(full, half).jaccard).toBeCloseTo(0.5, 1);
  });
});

describe("MinHash", () => {
  it("runs on WebAssembly SIMD here and gives the scalar loop's signature, however many shingles", () => {
    const keys = seededSequence(MINHASH_SEED, MINHASH_SIZE);
    for (const n of [0, 1, 2, 3, 17, 1000, 40000]) {
      const shingles = Uint32Array.from({ length: n }, (_, i) => fmix32(i * 2654435761 + n));
      const simd = minhashSimd(shingles, keys);
      expect(simd).not.toBeNull();
      expect([...simd!]).toEqual([...minhashScalar(shingles, keys)]);
    }
    // Key counts the kernel does not take (not a multiple of 16) are left to the scalar loop.
    expect(minhashSimd(Uint32Array.of(1, 2), keys.subarray(0, 10))).toBeNull();
  });

  it("gives the signature of its definition, min over shingles of fmix32(shingle ^ key), bit for bit", () => {
    const keys = seededSequence(MINHASH_SEED, MINHASH_SIZE);
    const byDefinition = (shingles: Uint32Array) =>
      [...keys].map((k) => Math.min(0xffffffff, ...[...shingles].map((x) => fmix32((x ^ k) >>> 0))));
    for (const w of words) {
      const shingles = shingleSet(w);
      expect([...minhashSignature(shingles)]).toEqual(byDefinition(shingles));
      expect([...minhashScalar(shingles, keys)]).toEqual(byDefinition(shingles));
    }
    expect([...minhashSignature(Uint32Array.of(0, 0xffffffff, 0x80000000, 0x7fffffff))]).toEqual(
      byDefinition(Uint32Array.of(0, 0xffffffff, 0x80000000, 0x7fffffff)),
    );
    expect([...minhashSignature(new Uint32Array(0))]).toEqual(byDefinition(new Uint32Array(0)));
  });

  it("estimates the Jaccard similarity of real text within 0.1", () => {
    // Overlapping windows of one seed give known, varied true similarities.
    const w = words[1];
    for (const cut of [0.2, 0.4, 0.6, 0.8]) {
      const a = shingleSet(w.slice(0, Math.round(w.length * (0.5 + cut / 2))));
      const b = shingleSet(w.slice(Math.round(w.length * (0.5 - cut / 2))));
      const truth = setSimilarity(a, b).jaccard;
      expect(Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - truth)).toBeLessThan(0.1);
    }
  });

  it("estimates near 0 for two different seeds", () => {
    const sigs = words.map((w) => minhashSignature(shingleSet(w)));
    for (let i = 0; i < sigs.length; i++)
      for (let j = i + 1; j < sigs.length; j++) expect(estimateJaccard(sigs[i], sigs[j])).toBeLessThan(0.08);
  });
});

describe("LshIndex", () => {
  it("returns a lightly edited copy of a seed as a candidate and no unrelated seed", () => {
    const lsh = new LshIndex();
    words.forEach((w, i) => lsh.insert(i, minhashSignature(shingleSet(w))));
    const edited = words[3].map((w, i) => (i % 25 === 0 ? "changed" : w));
    expect(lsh.query(minhashSignature(shingleSet(edited)))).toEqual([3]);
    expect(lsh.size).toBe(5 * lsh.bands);
  });

  it("keeps working as its table grows past the initial capacity", () => {
    const lsh = new LshIndex(undefined, undefined, undefined, 16);
    const sigs = words[2].slice(0, 200).map((_, i) => minhashSignature(shingleSet(words[2].slice(i, i + 30))));
    sigs.forEach((s, i) => lsh.insert(i, s));
    sigs.forEach((s, i) => expect(lsh.query(s)).toContain(i));
  });
});

describe("UnionFind", () => {
  it("joins transitively and counts set sizes while growing", () => {
    const uf = new UnionFind(2);
    for (let i = 0; i < 10; i++) uf.add();
    uf.union(0, 1);
    uf.union(1, 5);
    uf.union(7, 8);
    expect(uf.find(5)).toBe(uf.find(0));
    expect(uf.find(7)).not.toBe(uf.find(0));
    expect(uf.setSize(5)).toBe(3);
    expect(uf.length).toBe(10);
  });
});
