// Test helper (not exported by core): the derive sample as Articles. It reads a file, so only
// tests import it; core itself stays free of I/O.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Article } from "../schema/article.ts";

interface SampleRecord {
  id: string;
  title: string | null;
  body: string;
  published: string | null;
  url: string | null;
  outlet: string | null;
  agency: string | null;
  entities: string[];
  quotes: string[];
}

/**
 * fixtures/derive-sample.jsonl (written by `npm run bench -- derive --fixture`): 100 clustering and
 * quotes dev articles, 50 perturbed copies of them and 1,200 stream dev headlines, bodies cut at
 * 2,600 characters, with their entity names and whole quotes.
 */
export function loadDeriveSample(): Article[] {
  const file = join(import.meta.dirname, "../../fixtures/derive-sample.jsonl");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line) as SampleRecord;
      return Article.parse({
        id: r.id,
        title: r.title,
        titleDerived: false,
        dateline: null,
        published: { stated: r.published, inferred: null, weekday: null, conflicts: [], source: null, modified: null },
        authors: [],
        contributors: [],
        credits: [],
        provenance: { agency: r.agency, republishedFrom: null, materialFrom: [], outlet: r.outlet, url: r.url },
        language: null,
        body: r.body,
        // Clustering reads entity names only, so the type is a placeholder.
        entities: r.entities.map((name, i) => ({ id: `e${i}`, name, type: "organization", role: null, aliases: [] })),
        quotes: r.quotes.map((text) => ({ text, speaker: null, start: 0, end: text.length })),
        numbers: [],
      });
    });
}
