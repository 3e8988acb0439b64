import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "@newsfuse/core";
import { SHINGLE, SKETCH_SIZE, signatureKeys } from "./signature.ts";

// The keys as their definition reads (stored keys were made this way, so the fast version must agree).
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
const words = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .match(/[\p{L}\p{N}]+/gu) ?? [];
function reference(a: { body: string; title: string | null }): number[] {
  let w = words(a.body);
  if (w.length < SHINGLE * 2) w = words(`${a.title ?? ""} ${a.body}`);
  if (w.length === 0) return [];
  const keys = new Set<number>();
  const exact = fnv1a(`exact:${w.join(" ")}`);
  if (w.length < SHINGLE) return [exact];
  for (let i = 0; i + SHINGLE <= w.length; i++) keys.add(fnv1a(w.slice(i, i + SHINGLE).join(" ")));
  return [
    exact,
    ...[...keys]
      .sort((x, y) => x - y)
      .slice(0, SKETCH_SIZE)
      .filter((k) => k !== exact),
  ];
}

const SEEDS = new URL("../../../../seeds/", import.meta.url).pathname;
const FIXTURE = new URL("../../test/fixtures/ecb-sample.jsonl", import.meta.url).pathname;

describe("signatureKeys", () => {
  it("gives the keys of its definition on the seeds, the ECB sample and short or empty texts", () => {
    const texts = [
      ...readdirSync(SEEDS).map((f) => analyze({ id: f, text: readFileSync(SEEDS + f, "utf8") })),
      ...readFileSync(FIXTURE, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l, i) => analyze({ id: `e${i}`, ...(JSON.parse(l) as { text: string; title?: string }) })),
    ].map((a) => ({ body: a.body, title: a.title }));
    texts.push(
      { body: "", title: "Short headline here" },
      { body: "", title: null },
      { body: "one two three", title: null },
      { body: "a b c d a b c d a b c d", title: "x" },
    );
    for (const t of texts) expect(signatureKeys(t)).toEqual(reference(t));
    expect(texts.filter((t) => signatureKeys(t).length === SKETCH_SIZE + 1).length).toBeGreaterThan(40);
  });
});
