// `npx tsx packages/store/scripts/storage-costs.ts [--data <articles.jsonl>]`: the CPU cost, in an in-memory
// PGlite, of the storage choices in src/pipeline/docs.ts: inserting an analyzed article as JSONB vs as
// deflated JSON (sent as base64 text, or as a binary parameter as the store does), and reading it back as
// bytea vs as base64 text.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { PGlite, types } from "@electric-sql/pglite";
import { analyze } from "@newsfuse/core";
import { encodeDoc, readDoc } from "../src/pipeline/docs.ts";

const { values } = parseArgs({ options: { data: { type: "string", default: "/work/shared/bench/quotes/dev.jsonl" } } });
const articles = readFileSync(values.data!, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l, i) => {
    const r = JSON.parse(l) as { text: string; title?: string };
    return analyze({ id: `a${i}`, text: r.text, title: r.title });
  });

async function cpuMs(fn: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function insert(how: "jsonb" | "base64" | "binary"): Promise<{ pg: PGlite; ms: number }> {
  // The store's serializer (open.ts): bytea parameters pass through as binary.
  const pg = await PGlite.create({ serializers: { [types.BYTEA]: (b: unknown) => b as string } });
  await pg.exec(`create table t (id text primary key, doc ${how === "jsonb" ? "jsonb" : "bytea"})`);
  const ms = await cpuMs(async () => {
    for (const a of articles)
      if (how === "jsonb") await pg.query("insert into t values ($1, $2)", [a.id, JSON.stringify(a)]);
      else if (how === "base64")
        await pg.query("insert into t values ($1, decode($2, 'base64'))", [
          a.id,
          Buffer.from(encodeDoc(a)).toString("base64"),
        ]);
      else await pg.query("insert into t values ($1, $2)", [a.id, encodeDoc(a)]);
  });
  return { pg, ms };
}

const jsonb = await insert("jsonb");
const base64 = await insert("base64");
const doc = await insert("binary");
const perArticle = (ms: number) => (ms / articles.length).toFixed(2);
console.log(
  `${articles.length} articles; insert CPU ms per article: jsonb ${perArticle(jsonb.ms)}, deflated doc as base64 ${perArticle(base64.ms)}, as binary ${perArticle(doc.ms)}`,
);
const asBytea = await cpuMs(async () => {
  for (const r of (await doc.pg.query<{ doc: Uint8Array }>("select doc from t")).rows)
    JSON.parse(inflateRawSync(r.doc).toString("utf8"));
});
const asBase64 = await cpuMs(async () => {
  for (const r of (await doc.pg.query<{ doc: string }>("select encode(doc, 'base64') as doc from t")).rows)
    readDoc(r.doc);
});
console.log(
  `read all as bytea (driver decodes): ${asBytea.toFixed(0)} ms CPU; as base64 text + readDoc: ${asBase64.toFixed(0)} ms CPU`,
);
await jsonb.pg.close();
await base64.pg.close();
await doc.pg.close();
