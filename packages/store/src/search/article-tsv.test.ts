import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteDialect } from "../db/pglite-dialect.ts";
import { articleTsv, jsTsvectorAgrees } from "./article-tsv.ts";

const FIXTURE = new URL("../../fixtures/tsvector-docs.jsonl", import.meta.url);
const docs = readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string | null; body: string });

let db: Kysely<any>;
beforeAll(async () => {
  db = new Kysely<any>({ dialect: new PGliteDialect(await PGlite.create()) });
});
afterAll(() => db.destroy());

describe("articleTsv", () => {
  it("stores the same tsvector from the JS literal as from PostgreSQL's own expression, emoji included", async () => {
    expect(await jsTsvectorAgrees(db)).toBe(true);
    await sql`create table t (id text, js tsvector, pg tsvector)`.execute(db);
    const rows = [...docs.slice(0, 150), { id: "emoji", title: "Fire 🔥 spreads", body: "Crews respond." }];
    await db
      .insertInto("t")
      .values(
        rows.map((d) => ({ id: d.id, js: articleTsv(d.title, d.body, true), pg: articleTsv(d.title, d.body, false) })),
      )
      .execute();
    const differ = await sql<{ id: string }>`select id from t where js::text <> pg::text`.execute(db);
    expect(differ.rows).toEqual([]);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from t where js @@ websearch_to_tsquery('english', 'fire')`.execute(db);
    expect(count.rows[0]!.n).toBeGreaterThan(0);
  });
});
