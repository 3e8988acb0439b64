import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Article } from "@newsfuse/core";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/types.ts";

type Tx = Transaction<DB> | Kysely<DB>;
const CHUNK = 500;

// An analyzed article is stored as deflated JSON (`articles.doc`), not JSONB: nothing queries inside
// it, and on the embedded backend parsing ~11 KB of JSONB per article cost more CPU than the whole
// rest of its row. Deflate runs natively (on the analysis workers at ingest). Bytes are sent as binary
// parameters: node-postgres does so for a Buffer, and the embedded store's bytea serializer passes them
// through (open.ts; PGlite's own spells every byte out in hex, in JavaScript).

/** An article as deflated JSON: what `doc` holds. */
export function encodeDoc(a: Article): Uint8Array {
  return deflateRawSync(Buffer.from(JSON.stringify(a)), { level: 1 });
}

/** The article a `doc` column holds, selected with `docColumn` (base64 text), or its encodeDoc bytes. */
export function readDoc(doc: string | Uint8Array): Article {
  return JSON.parse(
    inflateRawSync(typeof doc === "string" ? Buffer.from(doc, "base64") : doc).toString("utf8"),
  ) as Article;
}

/**
 * Selects `doc` as base64 text: the drivers turn a bytea result into bytes in JavaScript, slower than
 * PostgreSQL's own encode plus Node's native base64 decode (`scripts/storage-costs.ts`: reading 344
 * documents from PGlite, inflate and parse included, 202-331 ms of CPU as bytea, 67-106 ms as base64).
 */
export const docColumn = (table = "articles") => sql<string>`encode(${sql.ref(`${table}.doc`)}, 'base64')`.as("doc");

/** A map that keeps its `capacity` most recently used entries. */
export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(id: string): V | undefined {
    const v = this.map.get(id);
    if (v !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.map.delete(id);
      this.map.set(id, v);
    }
    return v;
  }

  set(id: string, v: V): void {
    this.map.delete(id);
    this.map.set(id, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  delete(id: string): void {
    this.map.delete(id);
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * The most recently stored or read analyzed articles, so a batch's dedup pool does not read and
 * inflate the same documents again. Articles never change once stored (reanalysis and deletion clear
 * or drop them), so entries need no revalidation.
 */
export class DocCache {
  private readonly lru: Lru<Article>;

  constructor(capacity = 2000) {
    this.lru = new Lru(capacity);
  }

  get(id: string): Article | undefined {
    return this.lru.get(id);
  }

  set(a: Article): void {
    this.lru.set(a.id, a);
  }

  delete(id: string): void {
    this.lru.delete(id);
  }

  clear(): void {
    this.lru.clear();
  }
}

/**
 * Encoded documents of recently stored or read articles, by id (encodeDoc bytes, or base64 as read):
 * what fusion, which runs on the workers, is sent. They cross to a worker as one copy each, an Article
 * object as a deep clone.
 */
export class EncodedDocs extends Lru<string | Uint8Array> {
  constructor(capacity = 8000) {
    super(capacity);
  }
}

/** The encoded documents of the stored articles with these ids, from the cache where it has them. */
export async function loadEncoded(
  tx: Tx,
  ids: string[],
  cache: EncodedDocs,
): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  const missing: string[] = [];
  for (const id of ids) {
    const d = cache.get(id);
    if (d !== undefined) out.set(id, d);
    else missing.push(id);
  }
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = await tx
      .selectFrom("articles")
      .select(["id", docColumn()])
      .where("id", "in", missing.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      out.set(r.id, r.doc);
      cache.set(r.id, r.doc);
    }
  }
  return out;
}

/** The stored analyzed articles with these ids, from the cache where it has them. */
export async function loadArticles(tx: Tx, ids: string[], docs?: DocCache): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  const missing: string[] = [];
  for (const id of ids) {
    const a = docs?.get(id);
    if (a) out.set(id, a);
    else missing.push(id);
  }
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = await tx
      .selectFrom("articles")
      .select(["id", docColumn()])
      .where("id", "in", missing.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      const a = readDoc(r.doc);
      out.set(r.id, a);
      docs?.set(a);
    }
  }
  return out;
}
