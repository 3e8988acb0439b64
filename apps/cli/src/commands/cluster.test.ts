import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCluster } from "./cluster.ts";

const SAMPLE = join(import.meta.dirname, "../../../../packages/core/fixtures/stream-sample.jsonl");

async function run(input: string, level = "story") {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-cluster-"));
  const out = join(dir, "pred.jsonl");
  const err: string[] = [];
  const code = await runCluster({ in: input, out, level }, { err: (s) => err.push(s) });
  return { code, err: err.join("\n"), out, dir };
}

describe("newsfuse cluster", () => {
  it("writes one {id, cluster} line per headline of a stream sample, in input order", async () => {
    const r = await run(SAMPLE);
    expect(r.code).toBe(0);
    const input = readFileSync(SAMPLE, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const pred = readFileSync(r.out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(pred.map((p) => p.id)).toEqual(input.map((x) => x.id));
    expect(Object.keys(pred[0])).toEqual(["id", "cluster"]);
    const clusters = new Set(pred.map((p) => p.cluster));
    expect(clusters.size).toBeGreaterThan(16); // 16 gold stories; fragments are allowed, one blob is not
    expect(clusters.size).toBeLessThan(200);
    expect(r.err).toMatch(/1099 items -> \d+ story clusters/);
  });

  it("names the file and line of a malformed record", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfuse-cluster-"));
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"id":"a","title":"Apple unveils iPhone"}\n{"id":"b","title":\n');
    const r = await run(bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:2: not valid JSON`);
  });

  it("rejects a record without title or text, a duplicate id and a missing file with clear errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfuse-cluster-"));
    const empty = join(dir, "empty.jsonl");
    writeFileSync(empty, '{"id":"a","title":"","text":""}\n');
    expect((await run(empty)).err).toContain(`${empty}:1: record "a" has neither title nor text`);
    const dup = join(dir, "dup.jsonl");
    writeFileSync(dup, '{"id":"a","title":"x"}\n{"id":"a","title":"y"}\n');
    expect((await run(dup)).err).toContain(`${dup}:2: duplicate id "a"`);
    const missing = await run(join(dir, "missing.jsonl"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("input_missing");
  });

  it("clusters articles at event level with one line per article", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfuse-cluster-"));
    const input = join(dir, "events.jsonl");
    const lines = [
      {
        id: "e1",
        title: "Earthquake hits Indonesia",
        text: "A 7.6 magnitude earthquake struck off Sumatra on Wednesday, killing at least 75 people.",
      },
      {
        id: "e2",
        title: "Sumatra quake kills dozens",
        text: "A powerful earthquake of magnitude 7.6 struck Sumatra on Wednesday; at least 75 people died.",
      },
    ];
    writeFileSync(input, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const r = await run(input, "event");
    expect(r.code).toBe(0);
    const pred = readFileSync(r.out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(pred.map((p) => p.id)).toEqual(["e1", "e2"]);
    expect(typeof pred[0].cluster).toBe("string");
  });

  it("refuses an unknown level", async () => {
    const r = await run(SAMPLE, "topic");
    expect(r.code).toBe(2);
    expect(r.err).toContain('--level must be "story" or "event"');
  });
});
