import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../../test/run-cli.ts";
import { runAnalyze } from "./analyze.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const seed003 = join(root, "seeds/003_6c04b11d307fba50.txt");

async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCli(["analyze", ...args], { cwd: root });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

// Starting the CLI from its sources transpiles them through tsx: seconds on a busy machine.
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

  it(
    "stops quietly when the reader closes the pipe early (| head -c 100)",
    async () => {
      // A JSON Lines dump whose output is far larger than a pipe's buffer.
      const text = readFileSync(seed003, "utf8");
      const big = join(dir, "big.jsonl");
      writeFileSync(
        big,
        Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `a${i}`, text }))
          .join("\n")
          .concat("\n"),
      );
      const child = spawnCli(["analyze", big], { cwd: root });
      let err = "";
      child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
      let head = "";
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        head += d;
        if (head.length >= 100) child.stdout!.destroy(); // what `head -c 100` does once it has its bytes
      });
      const code = await new Promise<number | null>((res) =>
        child.on("close", (c, signal) => res(c ?? (signal ? 141 : null))),
      );
      expect(head.slice(0, 1)).toBe("[");
      expect([0, 141]).toContain(code);
      expect(err).not.toMatch(/EPIPE|\n\s+at /);
    },
    SUBPROCESS_TIMEOUT,
  );

  it(
    "names every input kind and the charset option in --help",
    async () => {
      const r = await cli("--help");
      expect(r.code).toBe(0);
      const help = r.stdout.replace(/\s+/g, " ");
      for (const kind of ["plain text", "HTML", "RSS/Atom feeds", "JSON Feed", "JSON Lines", "gzipped"])
        expect(help, kind).toContain(kind);
      expect(help).toContain("--charset <label>");
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

  it("decodes a Latin-1 text file given --charset latin1, and refuses an unknown charset", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await runAnalyze([join(dir, "latin1.txt")], { charset: "latin1" }, io)).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join(""))[0].body).toContain("Café au lait");
    out.length = 0;
    expect(await runAnalyze([join(dir, "latin1.txt")], { charset: "latin-9000" }, io)).toBe(2);
    expect(err.join("\n")).toContain('unknown charset "latin-9000"');
    expect(out).toEqual([]);
  });

  it("reports a symlink loop as a loop, not as a missing file", async () => {
    const loop = join(dir, "loop.txt");
    symlinkSync(loop, loop);
    const err: string[] = [];
    expect(await runAnalyze([loop], {}, { stdout: () => {}, stderr: (s) => err.push(s) })).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`${loop}: too many levels of symbolic links (a symlink loop, ELOOP)`);
    expect(err[0]).not.toContain("no such file");
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
