import { analyze, type Article, type NewsfuseError } from "@newsfuse/core";
import { gunzipSync } from "node:zlib";
import { parseBytes } from "@newsfuse/formats";
import { encodeDoc } from "./docs.ts";
import { signatureKeys } from "./signature.ts";
import { englishTsvector } from "../search/tsvector.ts";

/** What storing an article needs besides the article, computed where it was analyzed (see `prepare`). */
export interface Prepared {
  /** Dedup candidate keys (signature.ts). */
  keys: number[];
  /** The stored document (docs.ts encodeDoc). */
  doc: Uint8Array;
  /** The full-text vector literal (search/tsvector.ts), when asked for. */
  tsv?: string | null;
}

/** What the analysis of one raw input yields: its articles in order, and the items that failed. */
export interface AnalyzedRaw {
  articles: Array<{ item: number; origin: string; article: Article; prepared?: Prepared }>;
  errors: NewsfuseError[];
}

function prepared(article: Article, tsv: boolean): Prepared {
  return {
    keys: signatureKeys(article),
    doc: encodeDoc(article),
    ...(tsv ? { tsv: englishTsvector(article.title, article.body) } : {}),
  };
}

/**
 * Parses one raw input (which may hold many articles: a feed, JSON Lines) and analyzes each item.
 * With `prepare`, each article also gets what storing it needs, so that per-article work runs on the
 * analysis workers instead of the thread that holds the database.
 */
export function analyzeRaw(
  body: Uint8Array,
  contentType: string,
  origin: string,
  prepare: false | { tsv: boolean } = false,
): AnalyzedRaw {
  const out: AnalyzedRaw = { articles: [], errors: [] };
  let results;
  try {
    results = parseBytes(body, { name: origin, contentType, gunzip: (b) => new Uint8Array(gunzipSync(b)) });
  } catch (e) {
    out.errors.push({
      code: "internal",
      message: `${origin}: the reader failed (${(e as Error).message})`,
      input: origin,
    });
    return out;
  }
  results.forEach((r, item) => {
    if (!r.ok) {
      out.errors.push(r.error);
      return;
    }
    try {
      const article = analyze(r.value.input);
      out.articles.push({
        item,
        origin: r.value.origin,
        article,
        ...(prepare ? { prepared: prepared(article, prepare.tsv) } : {}),
      });
    } catch (e) {
      out.errors.push({
        code: "internal",
        message: `${r.value.origin}: analysis failed (${(e as Error).message})`,
        input: r.value.origin,
      });
    }
  });
  return out;
}
