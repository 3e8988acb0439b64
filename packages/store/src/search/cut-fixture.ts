// Cuts fixtures/tsvector-docs.jsonl from the dev sets: real article texts (quotes, clustering) and headlines (stream)
// that tsvector.test.ts checks against PostgreSQL. Deterministic strides, so rerunning gives the same file:
//   npx tsx packages/store/src/search/cut-fixture.ts
import { readFileSync, writeFileSync } from "node:fs";

const BENCH = "/work/shared/bench";
const read = (set: string) =>
  readFileSync(`${BENCH}/${set}/dev.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; title?: string | null; text?: string });
const every = <T>(list: T[], n: number, stride: number) => list.filter((_, i) => i % stride === 0).slice(0, n);

const quotes = every(
  read("quotes").filter((d) => (d.text ?? "").length <= 5000),
  110,
  2,
);
const clustering = every(read("clustering"), 90, 2);
const stream = read("stream");
const headlines = every(stream, 200, Math.floor(stream.length / 200));

const docs = [
  ...[...quotes, ...clustering].map((d) => ({ id: d.id, title: d.title ?? null, body: d.text ?? "" })),
  ...headlines.map((d) => ({ id: d.id, title: d.title ?? null, body: "" })),
];
const out = new URL("../../fixtures/tsvector-docs.jsonl", import.meta.url);
writeFileSync(out, `${docs.map((d) => JSON.stringify(d)).join("\n")}\n`);
console.log(`${docs.length} documents -> ${out.pathname}`);
