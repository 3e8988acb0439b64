import { err, ok } from "@newsfuse/core";
import { MAX_INPUT_BYTES, decodeBytes, gunzip, isGzip, looksBinary } from "./decode.ts";
import { detectFormat } from "./detect.ts";
import { readJsonFeed, readXmlFeed } from "./feeds.ts";
import { readHtmlPage } from "./html/index.ts";
import { readJsonArray, readJsonLines } from "./jsonl.ts";
import type { ReadResult } from "./types.ts";

export type { ReadItem, ReadResult } from "./types.ts";
export { MAX_INPUT_BYTES, decodeBytes, type Decoded } from "./decode.ts";
export { detectFormat, SUPPORTED_EXT, type Format } from "./detect.ts";
export { readabilityText } from "./html/fallback.ts";
export { readOpml, looksLikeOpml, type OpmlFeed } from "./opml.ts";
export { feedLinks, FULL_TEXT_CHARS, type FeedLink } from "./feed-links.ts";
export {
  readHtmlPage,
  extractMainText,
  parseByline,
  parseHtml,
  readMetadata,
  type Byline,
  type PageMeta,
} from "./html/index.ts";

export interface ParseOptions {
  /** File name or URL: names the input in errors and hints at the format (the content decides when ambiguous). */
  name: string;
  /** HTTP Content-Type, when known: its charset wins over the document's own declaration. */
  contentType?: string;
  /** Refuse inputs larger than this many bytes (compressed or not); default `MAX_INPUT_BYTES`. */
  maxBytes?: number;
  /** A native gunzip (node:zlib is ~4x faster than the pure-JS default); must throw on corrupt data. */
  gunzip?: (bytes: Uint8Array) => Uint8Array;
}

/**
 * A pretty-printed JSON document also starts with "{", but its first line is no JSON: read it as
 * one document (a JSON Feed without a version, or an unsupported object) rather than reporting
 * every line as broken.
 */
function readJsonLinesOrObject(text: string, name: string, baseId: string): ReadResult[] {
  const first = text.trimStart().split(/\r?\n/, 1)[0];
  try {
    JSON.parse(first);
  } catch {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return readJsonLines(text, name, baseId);
    }
    if (doc && typeof doc === "object" && Array.isArray((doc as { items?: unknown }).items))
      return readJsonFeed(text, name, baseId);
    return [
      err(
        "input_unsupported",
        `${name}: a JSON document that is neither a JSON Feed, JSON Lines nor an array of articles`,
        name,
      ),
    ];
  }
  return readJsonLines(text, name, baseId);
}

/** A page's own URL (its canonical link may be relative) resolved against the URL it was fetched from. */
function resolveUrl(own: string | undefined, fetchedFrom: string): string {
  if (!own) return fetchedFrom;
  try {
    return new URL(own, fetchedFrom).toString();
  } catch {
    return fetchedFrom;
  }
}

/**
 * Turns the bytes of one input (text, HTML, RSS/Atom/JSON Feed, JSON Lines, any of them gzipped)
 * into analyze inputs. One body can hold many articles (a feed, a JSON Lines dump); each gets its
 * own result, so one bad item never hides the others. Pure: runs in a browser as well.
 */
export function parseBytes(body: Uint8Array, opts: ParseOptions): ReadResult[] {
  const name = opts.name;
  const max = opts.maxBytes ?? MAX_INPUT_BYTES;
  if (body.length > max)
    return [
      err("input_too_large", `${name}: ${body.length} bytes is over the ${max}-byte limit`, name, {
        bytes: body.length,
        limit: max,
      }),
    ];
  if (body.length === 0) return [err("input_empty", `${name}: file is empty`, name)];
  let bytes = body;
  if (isGzip(bytes)) {
    try {
      bytes = (opts.gunzip ?? gunzip)(bytes);
    } catch (e) {
      return [err("input_malformed", `${name}: gzip data is truncated or corrupt (${(e as Error).message})`, name)];
    }
    if (bytes.length > max)
      return [err("input_too_large", `${name}: decompresses to over the ${max}-byte limit`, name, { limit: max })];
    if (bytes.length === 0) return [err("input_empty", `${name}: gzip holds an empty file`, name)];
  } else if (/\.gz$/i.test(name)) {
    return [err("input_malformed", `${name}: named .gz but not gzip data`, name)];
  }
  if (looksBinary(bytes))
    return [err("input_binary", `${name}: binary data, not text, HTML, a feed or JSON Lines`, name)];
  const { text, charset, source } = decodeBytes(bytes, opts.contentType);
  if (!text.trim()) return [err("input_empty", `${name}: only white space`, name)];
  const baseId = (name.split(/[\\/]/).pop() ?? name).replace(/\.gz$/i, "");
  const format = detectFormat(name, text, opts.contentType);
  switch (format) {
    case "text":
      // Plain text has nowhere to declare its charset: guessing Windows-1252 would silently garble
      // a file in any other 8-bit encoding, so undeclared non-UTF-8 text is refused instead.
      if (source === "sniffed" && charset !== "utf-8")
        return [
          err(
            "input_encoding",
            `${name}: not valid UTF-8 text (convert it to UTF-8, or give its charset in the content type)`,
            name,
          ),
        ];
      return [ok({ origin: name, input: { id: baseId, text: text.replace(/^\uFEFF/, "").trim() } })];
    case "html": {
      if (!/<[a-z!]/i.test(text))
        return [err("input_malformed", `${name}: named as HTML but contains no markup`, name)];
      const page = readHtmlPage(text, baseId);
      if (!page.input.text) return [err("input_empty", `${name}: no article text found in the page`, name)];
      // A page fetched from the web is known by its URL even when it does not name itself.
      if (/^https?:\/\//i.test(name)) page.input.url = resolveUrl(page.input.url, name);
      return [ok({ origin: name, input: page.input })];
    }
    case "rss":
    case "atom":
      return readXmlFeed(text, name, baseId);
    case "jsonfeed":
      return readJsonFeed(text, name, baseId);
    case "jsonl":
      return readJsonLinesOrObject(text, name, baseId);
    case "jsonarray":
      return readJsonArray(text, name, baseId);
    default:
      return [err("input_unsupported", `${name}: not text, HTML, RSS, Atom, JSON Feed or JSON Lines`, name)];
  }
}
