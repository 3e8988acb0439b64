import { analyze, type Article, type NewsfuseError } from "@newsfuse/core";
import { gunzipSync } from "node:zlib";
import { parseBytes } from "@newsfuse/formats";

/** What the analysis of one raw input yields: its articles in order, and the items that failed. */
export interface AnalyzedRaw {
  articles: Array<{ item: number; origin: string; article: Article }>;
  errors: NewsfuseError[];
}

/** Parses one raw input (which may hold many articles: a feed, JSON Lines) and analyzes each item. */
export function analyzeRaw(body: Uint8Array, contentType: string, origin: string): AnalyzedRaw {
  const out: AnalyzedRaw = { articles: [], errors: [] };
  let results;
  try {
    results = parseBytes(body, { name: origin, contentType, gunzip: (b) => new Uint8Array(gunzipSync(b)) });
  } catch (e) {
    out.errors.push({ code: "internal", message: `${origin}: the reader failed (${(e as Error).message})`, input: origin });
    return out;
  }
  results.forEach((r, item) => {
    if (!r.ok) {
      out.errors.push(r.error);
      return;
    }
    try {
      out.articles.push({ item, origin: r.value.origin, article: analyze(r.value.input) });
    } catch (e) {
      out.errors.push({ code: "internal", message: `${r.value.origin}: analysis failed (${(e as Error).message})`, input: r.value.origin });
    }
  });
  return out;
}
