import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/open.ts";
import { emptyStoreDirs } from "./template.ts";
import { snapshot } from "./inputs.ts";

// 40 articles of the quotes dev set, one JSON object a line: one raw input holding 40 items.
const DUMP = fileURLToPath(new URL("./fixtures/quotes-dump.jsonl", import.meta.url));
const CHILD = fileURLToPath(new URL("./jsonl-child.ts", import.meta.url));
const ARTICLES = 40;
const BATCH = 8;

const freshDir = emptyStoreDirs("newsfuse-jsonl-crash-");

/** Runs test/jsonl-child.ts on the dump; kill -9 once it has printed the line `killAt`. */
function ingestDump(dir: string, killAt?: string): Promise<{ signal: string | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.NEWSFUSE_DATA;
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir, String(BATCH), DUMP], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let killed = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (killAt && !killed && out.split("\n").includes(killAt)) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!killed && code !== 0) reject(new Error(`ingest child failed (${code}): ${err}`));
      else resolve({ signal, lines: out.split("\n").filter(Boolean) });
    });
  });
}

async function articleCount(dir: string): Promise<number> {
  const store = await openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
  try {
    return (await store.stats()).articles;
  } finally {
    await store.close();
  }
}

async function snap(dir: string) {
  const store = await openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

const statuses = (lines: string[]): string[] => JSON.parse(lines.find((l) => l.startsWith("done "))!.slice(5));
const count = (xs: string[], s: string) => xs.filter((x) => x === s).length;

describe("a JSON Lines dump under kill -9", () => {
  it("is stored in committed batches counted in articles, and the rerun stores the rest and says so", {
    timeout: 600_000,
  }, async () => {
    const reference = freshDir();
    const whole = await ingestDump(reference);
    // Progress counts the dump's articles, one committed batch at a time.
    const progress = whole.lines.filter((l) => l.startsWith("batch "));
    expect(progress[0]).toBe(`batch ${BATCH}/${ARTICLES}`);
    expect(progress.at(-1)).toBe(`batch ${ARTICLES}/${ARTICLES}`);
    expect(progress.length).toBe(Math.ceil(ARTICLES / BATCH));
    expect(count(statuses(whole.lines), "known")).toBe(0);
    const expected = await snap(reference);
    expect(expected.counts.articles).toBe(ARTICLES);

    const crashed = freshDir();
    const killed = await ingestDump(crashed, `batch ${2 * BATCH}/${ARTICLES}`);
    expect(killed.signal).toBe("SIGKILL");
    // Every batch reported committed is there (the kill may land after one more commit).
    const kept = await articleCount(crashed);
    expect(kept).toBeGreaterThanOrEqual(2 * BATCH);
    expect(kept).toBeLessThan(ARTICLES);

    const rerun = await ingestDump(crashed);
    const s = statuses(rerun.lines);
    expect(count(s, "known")).toBe(kept);
    expect(count(s, "created") + count(s, "duplicate")).toBe(ARTICLES - kept);
    expect(rerun.lines.filter((l) => l.startsWith("batch ")).at(-1)).toBe(`batch ${ARTICLES}/${ARTICLES}`);
    // The stories the killed run left unfused are fused by the rerun, and it says how many.
    expect(Number(rerun.lines.find((l) => l.startsWith("fused "))!.slice(6))).toBeGreaterThan(0);
    expect(await snap(crashed)).toEqual(expected);

    // Once whole, the dump is known article by article, and nothing is left to fuse.
    const again = await ingestDump(crashed);
    expect(count(statuses(again.lines), "known")).toBe(ARTICLES);
    expect(again.lines).toContain("fused 0");
  });
});
