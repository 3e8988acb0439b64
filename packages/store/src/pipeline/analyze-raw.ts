import { analyze, type Article, type NewsfuseError } from "@newsfuse/core";
import { gunzipSync } from "node:zlib";
import { parseBytes, type ReadResult } from "@newsfuse/formats";
import { encodeDoc } from "./docs.ts";
import { signatureKeys } from "./signature.ts";
import { englishTsvector } from "../search/tsvector.ts";
import { contentHash } from "./ids.ts";

/** What storing an article needs besides the article, computed where it was analyzed (see `prepare`). */
export interface Prepared {
  /** Dedup candidate keys (signature.ts). */
  keys: number[];
  /** The stored document (docs.ts encodeDoc). */
  doc: Uint8Array;
  /** The full-text vector literal (search/tsvector.ts), when asked for. */
  tsv?: string | null;
}

/** What the analysis of one raw input (or of a range of its items) yields. */
export interface AnalyzedRaw {
  articles: Array<{ item: number; origin: string; article: Article; prepared?: Prepared }>;
  errors: NewsfuseError[];
  /** Items the reader found in the whole input (a feed's entries, a dump's lines), failed ones included. */
  items: number;
  /** Of those, the items the reader could read: what storing the whole input yields at most. */
  readable: number;
  /** Items of the range left out as asked (`ItemRange.skip`): stored already. */
  skipped?: number[];
}

/** Which items of a raw input to analyze: `from` ≤ item < `to`, except those in `skip` (already stored). */
export interface ItemRange {
  from: number;
  to: number;
  skip?: number[];
}

/**
 * Fewer words than this in the cleaned body is neither an article nor a headline ("<p>hi</p>"): refused as
 * `input_too_short` rather than stored as a story of its own. One-line headlines are inputs in their own
 * right (feeds and headline streams): in the stream dev set 0.3% of them have fewer than 3 words, 26% fewer
 * than 8, so the bound sits at 3.
 */
export const MIN_ARTICLE_WORDS = 3;

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** The article's publication date when it lies after `now` (the time of ingest), which no report can. */
function futureDate(article: Article, now: number): string | null {
  const stated = article.published.stated;
  if (!stated) return null;
  const t = Date.parse(stated.length === 10 ? `${stated}T00:00:00Z` : stated);
  // A date-only value is a day in some time zone: only a day after today everywhere counts as future.
  const slack = stated.length === 10 ? 14 * 3600_000 : 0;
  return Number.isFinite(t) && t - slack > now ? stated : null;
}

function prepared(article: Article, tsv: boolean): Prepared {
  return {
    keys: signatureKeys(article),
    doc: encodeDoc(article),
    ...(tsv ? { tsv: englishTsvector(article.title, article.body) } : {}),
  };
}

// The last inputs this thread read: an input ingested a range at a time (a JSON Lines dump in
// committed batches) is read once per thread, not once per range.
const readCache: Array<{ key: string; results: ReadResult[] }> = [];
const READ_CACHE = 2;

function read(body: Uint8Array, contentType: string, origin: string): ReadResult[] {
  const key = `${contentHash(body)}\n${contentType}\n${origin}`;
  const hit = readCache.find((c) => c.key === key);
  if (hit) return hit.results;
  const results = parseBytes(body, { name: origin, contentType, gunzip: (b) => new Uint8Array(gunzipSync(b)) });
  // Only multi-item inputs are read again (by their next range); a single text is read once.
  if (results.length > 1) {
    readCache.unshift({ key, results });
    readCache.length = Math.min(readCache.length, READ_CACHE);
  }
  return results;
}

/**
 * Parses one raw input (which may hold many articles: a feed, JSON Lines) and analyzes its items, or
 * only those in `range`. With `prepare`, each article also gets what storing it needs, so that
 * per-article work runs on the analysis workers instead of the thread that holds the database.
 */
export function analyzeRaw(
  body: Uint8Array,
  contentType: string,
  origin: string,
  prepare: false | { tsv: boolean } = false,
  range?: ItemRange,
  now: number = Date.now(),
): AnalyzedRaw {
  const out: AnalyzedRaw = { articles: [], errors: [], items: 1, readable: 0 };
  let results: ReadResult[];
  try {
    results = read(body, contentType, origin);
  } catch (e) {
    out.errors.push({
      code: "internal",
      message: `${origin}: the reader failed (${(e as Error).message})`,
      input: origin,
    });
    return out;
  }
  out.items = results.length;
  out.readable = results.filter((r) => r.ok).length;
  const skip = new Set(range?.skip);
  const from = range?.from ?? 0;
  const to = Math.min(results.length, range?.to ?? results.length);
  for (let item = from; item < to; item++) {
    const r = results[item]!;
    if (skip.has(item)) {
      (out.skipped ??= []).push(item);
      continue;
    }
    if (!r.ok) {
      out.errors.push(r.error);
      continue;
    }
    try {
      let article = analyze(r.value.input);
      // A headline item's text is its title, which cleaning takes out of the body as a repeated headline.
      const n = words(article.body) + (article.title && !article.titleDerived ? words(article.title) : 0);
      if (n < MIN_ARTICLE_WORDS) {
        out.errors.push({
          code: "input_too_short",
          message: `${r.value.origin}: ${n} word${n === 1 ? "" : "s"} of text is too short to be an article (${MIN_ARTICLE_WORDS} at least)`,
          input: r.value.origin,
        });
        continue;
      }
      const future = futureDate(article, now);
      if (future)
        article = {
          ...article,
          published: {
            ...article.published,
            conflicts: [
              ...article.published.conflicts,
              `publication date ${future} is after the time of ingest (${new Date(now).toISOString()})`,
            ],
          },
        };
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
  }
  return out;
}
