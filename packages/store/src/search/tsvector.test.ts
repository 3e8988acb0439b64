import { PGlite } from "@electric-sql/pglite";
import { readFileSync, readdirSync } from "node:fs";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TSVECTOR_PROBE, englishTsvector } from "./tsvector.ts";

interface Doc {
  id: string;
  title: string | null;
  body: string;
}

const SEEDS = new URL("../../../../seeds/", import.meta.url).pathname;
const FIXTURE = new URL("../../fixtures/tsvector-docs.jsonl", import.meta.url);

// Measured: no fixture document and none of the 55,035 dev documents (quotes, clustering, stream) declines. The bound
// leaves room for fixtures with rarer text (emoji, code-like tokens) without letting the JS path quietly give up.
const MAX_DECLINED_SHARE = 0.02;

const seeds = (): Doc[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const [title, ...rest] = readFileSync(SEEDS + f, "utf8").split("\n");
      return { id: f, title: title!, body: rest.join("\n") };
    });
const fixture = (): Doc[] =>
  readFileSync(FIXTURE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Doc);

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(() => pg.close());

const INSERT_SQL = `select (setweight(to_tsvector('english', t), 'A') || to_tsvector('english', b))::text v
  from unnest($1::text[], $2::text[]) with ordinality x(t, b, n) order by n`;
const params = (docs: Doc[]) => [docs.map((d) => d.title ?? ""), docs.map((d) => d.body)];

/** PostgreSQL's own text for each document, as the store's insert computes it. */
async function postgres(docs: Doc[]): Promise<string[]> {
  return (await pg.query<{ v: string }>(INSERT_SQL, params(docs))).rows.map((r) => r.v);
}

async function compare(docs: Doc[]) {
  const want = await postgres(docs);
  const mismatches: string[] = [];
  let declined = 0;
  docs.forEach((d, i) => {
    const got = englishTsvector(d.title, d.body);
    if (got === null) declined++;
    else if (got !== want[i]) mismatches.push(`${d.id}\n  js: ${got.slice(0, 400)}\n  pg: ${want[i]!.slice(0, 400)}`);
  });
  return { mismatches, declined };
}

describe("englishTsvector", () => {
  it("prints PostgreSQL's tsvector text for every seed article", async () => {
    const docs = seeds();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    const { mismatches, declined } = await compare(docs);
    expect(mismatches).toEqual([]);
    expect(declined).toBe(0);
  });

  it("matches PostgreSQL byte for byte on 200 dev articles and 200 headlines, declining almost none", async () => {
    const docs = fixture();
    expect(docs.filter((d) => d.body).length).toBe(200);
    expect(docs.filter((d) => !d.body).length).toBe(200);
    const { mismatches, declined } = await compare(docs);
    expect(mismatches).toEqual([]);
    expect(declined / docs.length).toBeLessThan(MAX_DECLINED_SHARE);
  });

  it("agrees with PostgreSQL on tokens the default parser treats specially", async () => {
    const texts = [
      "See http://www.example.com/a/b?c=1&d=2#frag, https://x.org:8080/p or ftp://host.net.",
      "Write to press@example.co.uk or j.doe+news@mail.example.com (not @handle or x@y).",
      "U.S. and U.K. officials met in Washington, D.C.; e.g. cnn.com, foo.bar.baz and end.Next sentence.",
      "Files /usr/local/bin, ./run.sh, ../up, ~/notes.txt, C:\\dir\\file.doc and report_v2.pdf.",
      "Version 1.2.3, 3.14 and -2.5e10, 1e-3, +7, -42, 1,000,000 and 10-12 and 2020-21 and 3.5%.",
      "A 20-year-old well-known co-op, state-of-the-art, COVID-19, F-16s, T-shirt, x-ray, -minus and dash- ends.",
      '<b>bold</b> <a href="x.html">link</a> <!-- comment --> <script>var x = 1;</script> <style>p{}</style> after',
      "&amp; &lt;tag&gt; &#39; &#x27; AT&T and Q&A; R&D",
      "O’Malley’s “quote” — naïve café Ångström ÉCOLE Zürich İstanbul straße ǅ Ⓐ 中文 العربية",
      "non\u00a0breaking\u2009thin zero\u200bwidth soft\u00adhyphen combining e\u0301 and ং letters",
      "Tabs\tand\nnewlines\r\nand   runs of    spaces; it's O'Brien's \\ back\\slash 'quoted'",
      "The the THE a an of, and stop words only: the of and to",
      "Order of lexemes past ASCII: ǆ\u00ad20 ং ا 中 Ⓐ\u0301 éßmailto ǅb éa éb e\u007fx ea",
    ];
    const docs = texts.map((t, i) => ({ id: `t${i}`, title: i % 2 ? t.slice(0, 30) : null, body: t }));
    const { mismatches, declined } = await compare(docs);
    expect(mismatches).toEqual([]);
    expect(declined).toBe(0);
  });

  it("caps positions at 16383 and a lexeme's positions at 256 as PostgreSQL does, shifting the body past the title", async () => {
    const long = Array.from({ length: 17_000 }, (_, i) => (i % 7 === 0 ? "cat" : `w${i % 50}`)).join(" ");
    const docs: Doc[] = [
      { id: "repeat", title: "dog ".repeat(300), body: "dog ".repeat(300) },
      { id: "full-title", title: `${"x ".repeat(255)}y`, body: "x y" },
      { id: "long-body", title: "cat dog", body: long },
      { id: "long-title", title: long, body: "cat w1 dog" },
      { id: "stop-title", title: "The of and", body: "the cat" },
      { id: "empty", title: null, body: "" },
      // Together more distinct words than the stem memo holds.
      ...["q", "z"].map((p) => ({
        id: `distinct-${p}`,
        title: "many words",
        body: Array.from({ length: 45_000 }, (_, i) => `${p}${i.toString(36)}`).join(" "),
      })),
    ];
    const { mismatches, declined } = await compare(docs);
    expect(mismatches).toEqual([]);
    expect(declined).toBe(0);
  });

  it("agrees with PostgreSQL on random mixes of tricky fragments", async () => {
    const atoms = [
      "a",
      "x",
      "E",
      "e",
      "the",
      "running",
      "U",
      "S",
      "1",
      "0",
      "3.5",
      ".",
      "-",
      "_",
      "@",
      ":",
      "/",
      "<",
      ">",
      "&",
      ";",
      "#",
      "~",
      "+",
      "'",
      " ",
      "\n",
      "\\",
      "=",
      "é",
      "É",
      "’",
      "—",
      "\u0301",
      "\u00a0",
      "<script>",
      "</script>",
      "http://",
      "www.",
      ".com",
      "<!--",
      "-->",
      "<b>",
      "&amp;",
      "&#x27;",
      "1.2.3",
      "1e5",
      "../",
      "~/",
      "co-op",
      "20-year",
      "İ",
      "ß",
      "中",
      "\u200b",
      "?q=1",
    ];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const docs = Array.from({ length: 2000 }, (_, i) => {
      let s = "";
      for (let n = 1 + Math.floor(rnd() * 25); n > 0; n--) s += atoms[Math.floor(rnd() * atoms.length)];
      return { id: `r${i}`, title: null, body: s };
    });
    const { mismatches, declined } = await compare(docs);
    expect(mismatches).toEqual([]);
    expect(declined).toBe(0);
  });

  it("declines text it cannot promise to reproduce, which the store then indexes in SQL", () => {
    expect(englishTsvector("Fire 🔥 spreads", "Crews respond.")).toBeNull();
    expect(englishTsvector(null, `token ${"z".repeat(300)} end`)).toBeNull();
    expect(englishTsvector(null, "nul\0byte")).toBeNull();
    expect(englishTsvector("Fire spreads", "Crews respond.")).toBe("'crew':3 'fire':1A 'respond':4 'spread':2A");
  });

  it("passes its probe on PGlite, and on another server the probe's verdict predicts agreement on real articles", async () => {
    const probe = englishTsvector(TSVECTOR_PROBE.title, TSVECTOR_PROBE.body);
    expect((await postgres([{ id: "probe", ...TSVECTOR_PROBE }]))[0]).toBe(probe);

    const server = new Client({ connectionString: inject("pgUrl") });
    await server.connect();
    try {
      const docs = fixture();
      const run = async (list: Doc[]) =>
        (await server.query<{ v: string }>(INSERT_SQL, params(list))).rows.map((r) => r.v);
      const agrees = (await run([{ id: "probe", ...TSVECTOR_PROBE }]))[0] === probe;
      const want = await run(docs);
      expect(docs.every((d, i) => englishTsvector(d.title, d.body) === want[i])).toBe(agrees);
    } finally {
      await server.end();
    }
  });

  it("finds the same documents through websearch_to_tsquery with its literals as with PostgreSQL's vectors", async () => {
    const docs = fixture().filter((d) => d.body);
    await pg.exec("create temp table docs (id text primary key, pgv tsvector, jsv tsvector)");
    for (const d of docs) {
      await pg.query(
        "insert into docs values ($1, setweight(to_tsvector('english', $2), 'A') || to_tsvector('english', $3), $4::tsvector)",
        [d.id, d.title ?? "", d.body, englishTsvector(d.title, d.body)],
      );
    }
    const queries = [
      "police",
      "police officers",
      '"white house"',
      "trump -clinton",
      "election or voting",
      '"said in a statement"',
      '"told reporters" -trump',
    ];
    for (const q of queries) {
      const ids = async (col: string) =>
        (
          await pg.query<{ id: string }>(
            `select id from docs where ${col} @@ websearch_to_tsquery('english', $1) order by id`,
            [q],
          )
        ).rows.map((r) => r.id);
      const want = await ids("pgv");
      expect(want.length, q).toBeGreaterThan(0);
      expect(await ids("jsv"), q).toEqual(want);
    }
  });
});
