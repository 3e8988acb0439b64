import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Article } from "@newsfuse/core";
import { sql, type RawBuilder } from "kysely";

// An analyzed article is stored as deflated JSON (`articles.doc`), not JSONB: nothing queries inside
// it, and on the embedded backend parsing ~11 KB of JSONB per article cost more CPU than the whole
// rest of its row. Deflate runs natively here; the bytes travel as base64 text because the drivers
// send bytea parameters as hex, twice the size.

/** The `doc` column value of an article, for an insert or update. */
export function docValue(a: Article): RawBuilder<Uint8Array> {
  return bytesValue(deflateRawSync(Buffer.from(JSON.stringify(a)), { level: 1 }));
}

/** The article a `doc` column holds. */
export function readDoc(doc: Uint8Array): Article {
  return JSON.parse(inflateRawSync(doc).toString("utf8")) as Article;
}

/** A bytea column value sent as base64 (see above). */
export function bytesValue(b: Uint8Array): RawBuilder<Uint8Array> {
  return sql<Uint8Array>`decode(${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64")}, 'base64')`;
}
