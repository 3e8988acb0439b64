import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { err, type NewsfuseError } from "@newsfuse/core";
import { parseBytes, type ReadResult } from "./index.ts";

export * from "./index.ts";

/** The raw bytes of one file, kept verbatim for the store. */
export interface RawFile {
  path: string;
  body: Uint8Array;
  contentType: string;
}

const TEXT_EXT = /\.(txt)$/i;

/**
 * Reads files and directories (non-recursive into hidden entries) and yields one result per article.
 * STUB: plain-text files only.
 */
export async function* readPaths(paths: string[]): AsyncGenerator<ReadResult & { raw?: RawFile }> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      yield err("input_missing", `${p}: no such file or directory`, p);
      continue;
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith(".") && TEXT_EXT.test(n)).sort();
      if (names.length === 0) yield err("input_missing", `${p}: directory has no readable news files`, p);
      for (const n of names) yield* readOne(join(p, n));
    } else yield* readOne(p);
  }
}

async function* readOne(path: string): AsyncGenerator<ReadResult & { raw?: RawFile }> {
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(path));
  } catch (e) {
    const error: NewsfuseError = { code: "input_missing", message: `${path}: cannot read (${(e as Error).message})`, input: path };
    yield { ok: false, error };
    return;
  }
  const raw: RawFile = { path, body, contentType: "text/plain" };
  for (const r of parseBytes(body, { name: path })) yield { ...r, raw };
}
