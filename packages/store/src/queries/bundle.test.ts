import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StoryBundle, StorySummary } from "@newsfuse/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedInputs, seedVariant } from "../../test/inputs.ts";
import { openStore } from "../open.ts";
import type { SqlStore } from "../sql-store.ts";
import { safeUrl } from "./bundle.ts";

let store: SqlStore;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsfuse-bundle-"));
  store = await openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
  await store.ingest(seedInputs());
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const seed = (n: string) => (id: string) => id.startsWith(n);

describe("the story bundle of the seeds", () => {
  it("gives each seed its own origin: 002 AP wire, 003 a Reuters republication, 004 carries AP material", async () => {
    const [summary] = (await store.listStories({})).items;
    const bundle = StoryBundle.parse(await store.getStoryBundle(summary!.id));
    expect(bundle.originCount).toBe(5);
    const role = (n: string) => bundle.articles.find((a) => seed(n)(a.id))!;
    expect(role("002")).toMatchObject({ agency: "AP", role: "wire" });
    expect(role("003")).toMatchObject({ agency: "Reuters", role: "republication" });
    expect(role("004").materialFrom).toContain("AP");
    expect(role("004").role).toBe("material");
    expect([role("000").role, role("001").role]).toEqual(["original", "original"]);
    const kinds = Object.fromEntries(bundle.origins.map((o) => [o.lead.slice(0, 3), o.kind]));
    expect(kinds).toEqual({ "000": "original", "001": "original", "002": "wire", "003": "wire", "004": "original" });
    // 001's stated date is kept, flagged, and its fused date inferred.
    expect(role("001").published.conflicts.length).toBeGreaterThan(0);
    expect(role("003")).toMatchObject({ date: "2021-12-02", dateInferred: false });
  });

  it("summarizes origins, outlets and coverage, and counts a copy of a seed as no new origin", async () => {
    const [before] = (await store.listStories({})).items;
    expect(StorySummary.parse(before)).toMatchObject({ articleCount: 5, originCount: 5 });
    expect(before!.undatedCount + before!.coverage.reduce((n, d) => n + d.articles, 0)).toBe(5);
    await store.ingest([seedVariant(2)]);
    const [after] = (await store.listStories({})).items;
    expect(after).toMatchObject({ articleCount: 6, originCount: 5 });
    const bundle = (await store.getStoryBundle(after!.id))!;
    const copy = bundle.articles.find((a) => a.id.startsWith("variant"))!;
    expect(copy.role).toBe("copy");
    expect(copy.origin).toBe(bundle.articles.find((a) => a.id.startsWith("002"))!.id);
    expect(copy.duplicateGroup?.similarityToOriginal).toBeGreaterThan(0.5);
    expect(bundle.duplicateGroups).toHaveLength(1);
  });

  it("sorts stories in each order and pages through them with its cursor", async () => {
    for (const sort of ["newest", "updated", "covered", "disputed"] as const) {
      const first = await store.listStories({ sort, limit: 1 });
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toBeNull();
    }
    await expect(store.listStories({ sort: "covered", cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/cursor/);
  });
});

describe("safeUrl", () => {
  it("passes http(s) links and drops every other scheme", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("file:///etc/passwd")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
  });
});
