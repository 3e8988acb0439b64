import { type Kysely, type RawBuilder, sql } from "kysely";
import { TSVECTOR_PROBE, englishTsvector } from "./tsvector.ts";

/** articles.tsv computed by PostgreSQL: the expression the JS literal stands in for. */
const inSql = (title: string | null, body: string): RawBuilder<string> =>
  sql<string>`setweight(to_tsvector('english', ${title ?? ""}), 'A') || to_tsvector('english', ${body})`;

/** Whether this database's to_tsvector agrees with englishTsvector; ask once per database (PGlite: yes). */
export async function jsTsvectorAgrees(db: Kysely<any>): Promise<boolean> {
  const { title, body } = TSVECTOR_PROBE;
  const { rows } = await sql<{ v: string }>`select (${inSql(title, body)})::text as v`.execute(db);
  return rows[0]?.v === englishTsvector(title, body);
}

/**
 * The value to insert into articles.tsv: the tsvector literal built in JS when `js` (the database agreed) and the
 * text is one englishTsvector reproduces, else the SQL expression. Either way the column holds the same tsvector.
 * `computed` is englishTsvector's result when it was already computed (on an analysis worker).
 */
export function articleTsv(
  title: string | null,
  body: string,
  js: boolean,
  computed?: string | null,
): RawBuilder<string> {
  const literal = js ? (computed !== undefined ? computed : englishTsvector(title, body)) : null;
  return literal === null ? inSql(title, body) : sql<string>`${literal}::tsvector`;
}
