import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run } from "./ner.ts";

const sample = new URL("../../../packages/core/fixtures/ner-sample.conll", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "bench-ner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(argv: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await run(argv);
    return { out: out.join("\n"), err: err.join("\n"), code: process.exitCode as number | undefined };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    error.mockRestore();
  }
}

describe("bench ner", () => {
  it("scores the dev sample per type and writes predictions as a new last column in IOB1", async () => {
    const pred = join(dir, "pred.conll");
    const { out, code } = await capture(["--data", sample, "--out", pred, "--seeds", join(dir, "no-seeds")]);
    expect(code).toBeUndefined();
    for (const t of ["PER", "ORG", "LOC", "MISC", "ALL"]) expect(out).toMatch(new RegExp(`^${t}\\s+precision=`, "m"));
    expect(out).toMatch(/tokens\/s per CPU-second/);
    expect(out).toMatch(/model: \d+ KiB binary/);
    const f1 = Number(/ner_f1=([\d.]+)/.exec(out)?.[1]);
    expect(f1).toBeGreaterThan(0.88);

    const gold = readFileSync(sample, "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("-DOCSTART-"));
    const written = readFileSync(pred, "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("-DOCSTART-"));
    expect(written).toHaveLength(gold.length);
    written.forEach((line, i) => {
      expect(line.startsWith(`${gold[i]} `)).toBe(true);
      // IOB1 like the input: B- only directly after an entity of the same type.
      expect(line.split(" ").pop()).toMatch(/^(O|I-(PER|ORG|LOC|MISC)|B-(PER|ORG|LOC|MISC))$/);
    });
  });

  it("names a missing data file and exits with status 2", async () => {
    const { err, code } = await capture(["--data", join(dir, "missing.conll")]);
    expect(code).toBe(2);
    expect(err).toContain("missing.conll: no such file");
  });
});
