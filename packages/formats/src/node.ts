import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { err } from "@newsfuse/core";
import { MAX_INPUT_BYTES } from "./decode.ts";
import { SUPPORTED_EXT } from "./detect.ts";
import { parseBytes, type ReadResult } from "./index.ts";

export * from "./index.ts";

/** The raw bytes of one file, kept verbatim for the store. */
export interface RawFile {
  path: string;
  body: Uint8Array;
  contentType: string;
}

const CONTENT_TYPES: Array<[RegExp, string]> = [
  [/\.html?(\.gz)?$|\.xhtml$/i, "text/html"],
  [/\.(rss)(\.gz)?$/i, "application/rss+xml"],
  [/\.(atom)(\.gz)?$/i, "application/atom+xml"],
  [/\.xml(\.gz)?$/i, "application/xml"],
  [/\.json(\.gz)?$/i, "application/feed+json"],
  [/\.(jsonl|ndjson)(\.gz)?$/i, "application/x-ndjson"],
  [/\.gz$/i, "application/gzip"],
];

/** node:zlib's gunzip, for `parseBytes({ gunzip })` in Node. */
export function nativeGunzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gunzipSync(bytes));
}

/** A content type for the store, from the extension only (the bytes are sniffed again when parsed). */
export function contentTypeOf(path: string): string {
  for (const [re, ct] of CONTENT_TYPES) if (re.test(path)) return ct;
  return "text/plain";
}

/**
 * Reads files and directories and yields one result per article. A directory contributes its
 * supported files (not hidden ones, not subdirectories), sorted by name so runs are reproducible.
 * `charset` (a WHATWG label such as `latin1` or `windows-1252`) decodes every file, as an HTTP charset
 * would: plain text has no other way to declare one.
 */
export async function* readPaths(
  paths: string[],
  opts: { maxBytes?: number; charset?: string } = {},
): AsyncGenerator<ReadResult & { raw?: RawFile }> {
  const max = opts.maxBytes ?? MAX_INPUT_BYTES;
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      yield err("input_missing", `${p}: ${statFailure(e as NodeJS.ErrnoException)}`, p);
      continue;
    }
    if (st.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      const names = entries
        .filter((e) => e.isFile() && !e.name.startsWith(".") && SUPPORTED_EXT.test(e.name))
        .map((e) => e.name)
        .sort();
      if (names.length === 0)
        yield err(
          "input_missing",
          `${p}: directory has no readable news files (.txt, .html, .htm, .html.gz, .xml, .rss, .atom, .json, .jsonl)`,
          p,
        );
      for (const n of names) yield* readOne(join(p, n), max, opts.charset);
    } else yield* readOne(p, max, opts.charset, st.size);
  }
}

/** Why a path cannot be read, in words: a symlink loop or a permission is not a missing file. */
function statFailure(e: NodeJS.ErrnoException): string {
  if (e.code === "ELOOP") return "too many levels of symbolic links (a symlink loop, ELOOP)";
  if (e.code === "EACCES") return "permission denied (EACCES)";
  if (e.code === "ENOTDIR") return "a part of the path is not a directory (ENOTDIR)";
  if (e.code === "ENOENT") return "no such file or directory";
  return `cannot read (${e.message})`;
}

async function* readOne(
  path: string,
  max: number,
  charset?: string,
  size?: number,
): AsyncGenerator<ReadResult & { raw?: RawFile }> {
  if (size !== undefined && size > max) {
    yield err("input_too_large", `${path}: ${size} bytes is over the ${max}-byte limit`, path, {
      bytes: size,
      limit: max,
    });
    return;
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(path));
  } catch (e) {
    yield err("input_missing", `${path}: cannot read (${(e as Error).message})`, path);
    return;
  }
  // A charset given by the user travels with the raw input, so the store decodes it the same way again.
  const contentType = charset ? `${contentTypeOf(path)}; charset=${charset}` : contentTypeOf(path);
  const raw: RawFile = { path, body, contentType };
  const parsed = parseBytes(body, {
    name: path,
    maxBytes: max,
    gunzip: nativeGunzip,
    contentType: charset ? contentType : undefined,
  });
  for (const r of parsed) yield { ...r, raw };
}
