import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { runAnalyze } from "./analyze.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = join(root, "apps/cli/bin/newsfuse.js");
const seed003 = join(root, "seeds/003_6c04b11d307fba50.txt");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, "analyze", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

// Starting the CLI loads every command's dependencies through tsx: seconds on a busy machine.
const SUBPROCESS_TIMEOUT = 120_000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "newsfuse-analyze-"));
  copyFileSync(seed003, join(dir, "good.txt"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, "blank.txt"), " \n\u00a0\n\t\n");
  writeFileSync(join(dir, "latin1.txt"), Buffer.from("Caf\xe9 au lait, a Latin-1 file that is not UTF-8.", "latin1"));
  mkdirSync(join(dir, "no-text"));
  writeFileSync(join(dir, "no-text", "image.png"), Buffer.from([0x89, 0x50]));
});

describe("newsfuse analyze (subprocess)", () => {
  it(
    "prints a JSON array of Article for the good input, one clear line per bad input, and exits non-zero",
    async () => {
      const r = await cli(
        join(dir, "good.txt"),
        join(dir, "missing.txt"),
        join(dir, "empty.txt"),
        join(dir, "binary.txt"),
        join(dir, "blank.txt"),
        join(dir, "latin1.txt"),
        join(dir, "no-text"),
      );
      expect(r.code).toBe(1);
      const articles = JSON.parse(r.stdout);
      expect(articles).toHaveLength(1);
      expect(articles[0]).toMatchObject({
        id: "good.txt",
        published: { stated: "2021-12-02" },
        provenance: { agency: "Reuters" },
      });
      const errors = r.stderr.split("\n").filter((l) => l.startsWith("newsfuse analyze:"));
      expect(errors).toHaveLength(6);
      for (const name of ["missing.txt", "empty.txt", "binary.txt", "blank.txt", "latin1.txt", "no-text"]) {
        expect(
          errors.some((l) => l.includes(name)),
          name,
        ).toBe(true);
      }
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
    SUBPROCESS_TIMEOUT,
  );
});

describe("runAnalyze (in process)", () => {
  it("prints a readable summary with --pretty", async () => {
    const out: string[] = [];
    const code = await runAnalyze([seed003], { pretty: true }, { stdout: (s) => out.push(s), stderr: () => {} });
    const text = out.join("");
    expect(code).toBe(0);
    expect(text).toContain("== 003_6c04b11d307fba50.txt");
    expect(text).toMatch(/Title:\s+Blinken confronts Russia’s Lavrov/);
    expect(text).toMatch(/Date:\s+2021-12-02 \(stated, from header\) · main event on Thursday/);
    expect(text).toMatch(/Authors:\s+Humeyra Pamuk, Johan Ahlander/);
    expect(text).toMatch(/Credits:\s+additional reporting: Niklas Polland/);
    expect(text).toMatch(/Provenance:\s+agency Reuters · republished copy of Reuters/);
    expect(text).toMatch(/Removed:\s+headline 2, kicker 1, caption 1/);
  });

  it("analyzes a directory as one batch with ids equal to file names", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAnalyze(
      [join(root, "seeds")],
      {},
      { stdout: (s) => out.push(s), stderr: (s) => err.push(s) },
    );
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const ids = JSON.parse(out.join("")).map((a: { id: string }) => a.id);
    expect(ids).toEqual([
      "000_05ad74a82993dd5c.txt",
      "001_57e72f795a792d39.txt",
      "002_b662277d12457799.txt",
      "003_6c04b11d307fba50.txt",
      "004_96b30b9797db3545.txt",
    ]);
  });

  it("prints an empty array and fails when nothing could be read", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAnalyze(
      [join(dir, "missing.txt")],
      {},
      { stdout: (s) => out.push(s), stderr: (s) => err.push(s) },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out.join(""))).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/missing\.txt/);
  });
});
