import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, spawnCli, storeEnv } from "../../test/run-cli.ts";

const SEEDS = fileURLToPath(new URL("../../../../seeds/", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const jsonl = (s: string) =>
  s
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("the read-only store commands", () => {
  it("refuse a directory that holds no store, and create nothing there", { timeout: 120_000 }, async () => {
    const typo = join(tmp("newsfuse-nostore-"), "typo-dir");
    const empty = tmp("newsfuse-empty-");
    const runs = await Promise.all([
      runCli(["stats", "--data", typo], { env: storeEnv(empty) }),
      runCli(["export", "--what", "stories", "--data", typo], { env: storeEnv(empty) }),
      // The default directory ($NEWSFUSE_DATA), existing but empty, is refused the same way.
      runCli(["stats", "--json"], { env: storeEnv(empty) }),
    ]);
    for (const [i, r] of runs.entries()) {
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${i < 2 ? typo : empty} holds no newsfuse store`);
      expect(r.out).toBe("");
    }
    expect(existsSync(typo)).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });

  it("read through a running newsfuse serve, which names its URL in the lock", { timeout: 300_000 }, async () => {
    const data = tmp("newsfuse-served-");
    const serve = spawnCli(["serve", "--port", "0", "--data", data, "--ingest", SEEDS, "--quiet"], {
      env: storeEnv(data),
    });
    let served = "";
    serve.stdout!.setEncoding("utf8").on("data", (d: string) => (served += d));
    const exited = new Promise<number | null>((r) => serve.once("exit", (c) => r(c)));
    try {
      const url = await new Promise<string>((res, rej) => {
        const t = setInterval(() => {
          const m = /newsfuse API on (http:\/\/[\d.:]+)/.exec(served);
          if (m) clearInterval(t), res(m[1]);
        }, 50);
        void exited.then((c) => (clearInterval(t), rej(new Error(`serve exited ${c}`))));
      });
      // Several readers at once: the server answers them all, where the store alone admits one process.
      const [stats, text, stories, articles] = await Promise.all([
        runCli(["stats", "--json"], { env: storeEnv(data) }),
        runCli(["stats"], { env: storeEnv(data) }),
        runCli(["export", "--what", "stories"], { env: storeEnv(data) }),
        runCli(["export", "--what", "articles"], { env: storeEnv(data) }),
      ]);
      expect(stats.err).toBe("");
      expect(stats.code).toBe(0);
      expect(JSON.parse(stats.out)).toMatchObject({ server: url, location: data, inputs: 5, articles: 5, stories: 1 });
      expect(text.out).toContain(`read through newsfuse serve at ${url}`);
      expect(stories.code).toBe(0);
      expect(articles.code).toBe(0);
      expect(jsonl(articles.out)).toHaveLength(5);

      serve.kill("SIGTERM");
      expect(await exited).toBe(0);
      // Once the server is gone the store is read directly, and the exports are the same.
      const direct = await runCli(["export", "--what", "stories"], { env: storeEnv(data) });
      expect(direct.code).toBe(0);
      expect(jsonl(stories.out)).toEqual(jsonl(direct.out));
      expect(jsonl(direct.out)[0].articles).toHaveLength(5);
      const directArticles = await runCli(["export", "--what", "articles"], { env: storeEnv(data) });
      expect(jsonl(articles.out)).toEqual(jsonl(directArticles.out));
    } finally {
      serve.kill("SIGKILL");
    }
  });
});
