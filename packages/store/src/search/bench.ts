// Speed and exactness of englishTsvector against PGlite's own to_tsvector, CPU time in one process:
//   npx tsx packages/store/src/search/bench.ts [--limit N]
// Reads the dev sets from /work/shared/bench (falls back to the repo fixture when they are absent).
import { PGlite } from "@electric-sql/pglite";
import { existsSync, readFileSync } from "node:fs";
import { englishTsvector } from "./tsvector.ts";

interface Doc {
  title: string | null;
  body: string;
}

const SETS = ["quotes", "clustering", "stream"].map((s) => `/work/shared/bench/${s}/dev.jsonl`);
const FIXTURE = new URL("../../fixtures/tsvector-docs.jsonl", import.meta.url);

function load(limit: number): Doc[] {
  const files = SETS.every(existsSync) ? SETS : [FIXTURE.pathname];
  const docs: Doc[] = [];
  for (const f of files) {
    for (const line of readFileSync(f, "utf8").split("\n").filter(Boolean).slice(0, limit)) {
      const j = JSON.parse(line) as { title?: string | null; text?: string; body?: string };
      docs.push({ title: j.title ?? null, body: j.text ?? j.body ?? "" });
    }
  }
  return docs;
}

const cpuMs = (f: () => unknown): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
async function cpuMsAsync(f: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  await f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const BATCH = 64;
async function main() {
  const at = process.argv.indexOf("--limit");
  const docs = load(at > 0 ? Number(process.argv[at + 1]) : Infinity);
  const articles = docs.filter((d) => d.body.length > 0);
  const pg = await PGlite.create();
  const sql = (expr: string) => `select sum(length(${expr})) from unnest($1::text[], $2::text[]) x(t, b)`;
  const batches = (list: Doc[]) =>
    Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

  // Exactness on every document, headline-only ones included.
  let same = 0,
    differ = 0,
    declined = 0,
    coldMs = 0;
  for (const chunk of batches(docs)) {
    const want = (
      await pg.query<{ v: string }>(
        "select (setweight(to_tsvector('english', t), 'A') || to_tsvector('english', b))::text v from unnest($1::text[], $2::text[]) with ordinality x(t, b, n) order by n",
        [chunk.map((d) => d.title ?? ""), chunk.map((d) => d.body)],
      )
    ).rows;
    const c0 = process.cpuUsage();
    const got = chunk.map((d) => englishTsvector(d.title, d.body));
    const c = process.cpuUsage(c0);
    coldMs += (c.user + c.system) / 1000;
    chunk.forEach((_, i) => {
      if (got[i] === null) declined++;
      else if (got[i] === want[i]!.v) same++;
      else differ++;
    });
  }
  console.log(
    `documents ${docs.length}: exact ${same}, different ${differ}, declined ${declined} (${((100 * declined) / docs.length).toFixed(2)}%)`,
  );
  // First pass: every word is new to the stem memo, as after a restart.
  console.log(
    `  englishTsvector first pass over them (cold memo): ${(coldMs / docs.length).toFixed(3)} CPU ms per document`,
  );

  // Speed on the articles with a body, best of three rounds each (the machine is shared); the stem memo is warm.
  const params = batches(articles).map((c) => [c.map((d) => d.title ?? ""), c.map((d) => d.body)]);
  const lits = batches(articles).map((c) => c.map((d) => englishTsvector(d.title, d.body) ?? ""));
  const rounds = { js: Infinity, pg: Infinity, cast: Infinity };
  for (let r = 0; r < 3; r++) {
    rounds.js = Math.min(
      rounds.js,
      cpuMs(() => articles.forEach((d) => englishTsvector(d.title, d.body))),
    );
    rounds.pg = Math.min(
      rounds.pg,
      await cpuMsAsync(async () => {
        for (const p of params)
          await pg.query(sql("setweight(to_tsvector('english', t), 'A') || to_tsvector('english', b)"), p);
      }),
    );
    rounds.cast = Math.min(
      rounds.cast,
      await cpuMsAsync(async () => {
        for (const l of lits) await pg.query("select sum(length(v::tsvector)) from unnest($1::text[]) v", [l]);
      }),
    );
  }
  const per = (ms: number) => (ms / articles.length).toFixed(3);
  const chars = Math.round(articles.reduce((s, d) => s + d.body.length, 0) / articles.length);
  console.log(`articles ${articles.length} (avg body ${chars} chars), CPU ms per article:`);
  console.log(`  PGlite setweight(to_tsvector(title),'A') || to_tsvector(body): ${per(rounds.pg)}`);
  console.log(
    `  englishTsvector (JS, warm memo):                             ${per(rounds.js)}  (${(rounds.pg / rounds.js).toFixed(1)}x less)`,
  );
  console.log(`  PGlite reading the literal back ($1::tsvector):              ${per(rounds.cast)}`);
  await pg.close();
}

await main();
