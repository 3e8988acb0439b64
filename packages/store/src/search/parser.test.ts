import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "./parser.ts";

// ts_token_type('default') aliases, by token type id.
const ALIAS = [
  "",
  "asciiword",
  "word",
  "numword",
  "email",
  "url",
  "host",
  "sfloat",
  "version",
  "hword_numpart",
  "hword_part",
  "hword_asciipart",
  "blank",
  "tag",
  "protocol",
  "numhword",
  "asciihword",
  "hword",
  "url_path",
  "file",
  "float",
  "int",
  "uint",
  "entity",
];

const TEXTS = [
  "DALLAS (AP) — Democratic candidate Martin O’Malley is shifting staff to Iowa.",
  "See https://www.example.com:8080/a/b?c=1&d=2#frag and mailto:x@y.org or j.doe@mail.example.com today.",
  "U.S. e.g. cnn.com foo.bar-baz.org/path end.Next 1.2.3.4 v2.0 3.14 -2.5e10 +7 1,000 10-12 2020-21",
  "/usr/local/bin ./run.sh ../up ~/notes.txt C:\\dir\\file.doc report_v2.pdf",
  "20-year-old state-of-the-art COVID-19 F-16s naïve-café x-1-y -minus dash-",
  "<p class='x'>para</p><!-- note --><script>skip me</script><style>p{}</style>&amp;&#39;&#x27;&nbsp;AT&T",
  "non\u00a0breaking zero\u200bwidth soft\u00adhyphen e\u0301 ং İstanbul straße 中文",
];

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(() => pg.close());

describe("parse", () => {
  it("splits text into the tokens and token types that ts_debug reports", async () => {
    for (const text of TEXTS) {
      const want = (
        await pg.query<{ alias: string; token: string }>("select alias, token from ts_debug('english', $1)", [text])
      ).rows.map((r) => `${r.alias}:${r.token}`);
      const got: string[] = [];
      parse(text, (type, start, length) => got.push(`${ALIAS[type]}:${text.slice(start, start + length)}`));
      expect(got, text).toEqual(want);
    }
  });
});
