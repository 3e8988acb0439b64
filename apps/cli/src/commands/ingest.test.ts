import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "@newsfuse/store";
import { runCli, storeEnv } from "../../test/run-cli.ts";

const SEEDS = fileURLToPath(new URL("../../../../seeds/", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const cli = (args: string[], dataDir: string) => runCli(args, { env: storeEnv(dataDir) });

describe("newsfuse ingest and the store commands", () => {
  it("stores what it can, lists failed inputs, exits 1; the same run again is all known", {
    timeout: 300_000,
  }, async () => {
    const data = tmp("newsfuse-cli-");
    const bad = join(tmp("newsfuse-cli-in-"), "empty.txt");
    writeFileSync(bad, "");
    const first = await cli(["ingest", SEEDS, bad, "/nonexistent/missing.txt", "--json", "--workers", "1"], data);
    expect(first.code).toBe(1);
    const s = JSON.parse(first.out);
    expect(s).toMatchObject({ created: 5, duplicates: 0, known: 0, articles: 5 });
    expect(s.failed.map((f: { input: string; code: string }) => `${f.input} ${f.code}`).sort()).toEqual([
      `/nonexistent/missing.txt input_missing`,
      `${bad} input_empty`,
    ]);

    const again = await cli(["ingest", SEEDS, "--workers", "0"], data);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /5 inputs: 0 new articles, 0 duplicates \(stored and linked\), 5 already known, 0 failed/,
    );
    // Not a terminal: plain progress lines, no bar.
    expect(again.err).toMatch(/^ingest 5\/5 \(100%\)/m);

    const stats = await cli(["stats", "--json"], data);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ backend: "embedded", inputs: 5, articles: 5, stories: 1 });

    const exported = await cli(["export", "--format", "jsonl", "--what", "stories"], data);
    const lines = exported.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].articles).toHaveLength(5);
    const articles = await cli(["export", "--what", "articles"], data);
    expect(articles.out.trim().split("\n")).toHaveLength(5);
    expect((await cli(["export", "--format", "csv"], data)).code).toBe(2);
  });

  it("refuses to open an embedded store another process holds, naming it", { timeout: 120_000 }, async () => {
    const data = tmp("newsfuse-cli-lock-");
    const store = await openStore({ dataDir: data, databaseUrl: "", command: "test holder", skipIndexes: true });
    try {
      const r = await cli(["stats"], data);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`in use by process ${process.pid} (test holder`);
    } finally {
      await store.close();
    }
  });
});
