import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runFuse } from "./fuse.ts";

const SEEDS = fileURLToPath(new URL("../../../../seeds/", import.meta.url));

async function run(paths: string[], json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFuse(paths, { json }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("newsfuse fuse", () => {
  it("prints articles, stories, entities, quotes, duplicates and discrepancies as JSON, and reports a bad input by name", async () => {
    const r = await run([SEEDS, "/nonexistent/missing.txt"], true);
    expect(r.code).toBe(1);
    expect(r.err).toContain("/nonexistent/missing.txt");
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["articles", "stories", "entities", "quotes", "duplicates", "discrepancies"]);
    expect(j.articles).toHaveLength(5);
    expect(j.stories[0].articles).toContain("003_6c04b11d307fba50.txt");
    const stockholm = j.stories[0].events.find((e: { place: string }) => e.place === "Stockholm");
    expect(stockholm.articles).toEqual(["000_05ad74a82993dd5c.txt", "003_6c04b11d307fba50.txt"]);
    const lavrov = j.entities.find((e: { name: string }) => /Lavrov/.test(e.name));
    expect(lavrov).toMatchObject({ type: "person" });
    expect(lavrov.aliases).toEqual(expect.arrayContaining(["Sergei Lavrov"]));
    const minor = j.quotes.find((q: { text: string }) => q.text.startsWith("minor incursion"));
    expect(minor).toMatchObject({
      speaker: "Joe Biden",
      articles: ["002_b662277d12457799.txt", "004_96b30b9797db3545.txt"],
    });
    expect(minor.variants).toBeInstanceOf(Array);
    expect(j.duplicates).toEqual([]);
    const spelling = j.discrepancies.find((d: { about: string }) => d.about === "spelling of Lavrov's first name");
    expect(spelling.values.map((v: { value: string }) => v.value).sort()).toEqual(["Sergei", "Sergey"]);
  });

  it("prints a readable report of each story", async () => {
    const r = await run([SEEDS], false);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("meeting in Stockholm");
    expect(r.out).toContain("2021-12-02 (inferred)");
    expect(r.out).toMatch(/spelling of Lavrov's first name: Sergei \[001_57e72f795a792d39, 003_6c04b11d307fba50\]/);
  });

  it("finds a file given twice as a duplicate of itself", async () => {
    const file = `${SEEDS}003_6c04b11d307fba50.txt`;
    const j = JSON.parse((await run([file, file, `${SEEDS}004_96b30b9797db3545.txt`], true)).out);
    expect(j.articles.map((a: { id: string }) => a.id)).toEqual([
      "003_6c04b11d307fba50.txt",
      "003_6c04b11d307fba50.txt#2",
      "004_96b30b9797db3545.txt",
    ]);
    expect(j.duplicates.map((d: { articles: string[] }) => d.articles.sort())).toEqual([
      ["003_6c04b11d307fba50.txt", "003_6c04b11d307fba50.txt#2"],
    ]);
  });

  it("reports empty and binary files by name, once, and fuses the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfuse-fuse-"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Uint8Array.from([0, 159, 146, 150, 0, 1, 2, 3]));
    copyFileSync(`${SEEDS}002_b662277d12457799.txt`, join(dir, "002.txt"));
    const r = await run([dir], false);
    expect(r.code).toBe(1);
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes("empty.txt"))).toMatch(/input_empty/);
    expect(lines.find((l) => l.includes("binary.txt"))).toMatch(/input_binary/);
    for (const l of lines) expect(l.split(dir).length - 1).toBe(1);
    expect(r.out).toContain("meeting in Geneva");
  });

  it("fails with a clear message when nothing is readable", async () => {
    const r = await run(["/nonexistent"], true);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/nonexistent: .*input_missing/);
    expect(r.out).toBe("");
  });
});
