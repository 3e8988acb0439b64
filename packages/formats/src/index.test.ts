import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseBytes } from "./index.ts";
import { fixture } from "./testing.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const errorOf = (bytes: Uint8Array, name: string, extra: { maxBytes?: number } = {}) => {
  const [r] = parseBytes(bytes, { name, ...extra });
  return r.ok ? null : r.error;
};

describe("encodings", () => {
  const cafe = "“Café society is back,” said Renée Dupré — the owner of a small café";
  for (const file of ["cp1252-declared.html", "cp1252-undeclared.html", "utf8-bom.html"]) {
    it(`decodes ${file} without replacement characters`, () => {
      const [r] = parseBytes(fixture(`encoding/${file}`), { name: file });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.input.text).toContain(cafe);
      expect(r.value.input.text).toContain("5 € in a year, and the »coffee« still costs less than in Zürich");
      expect(r.value.input.text).not.toContain("\uFFFD");
      expect(r.value.input).toMatchObject({ title: "Café society", language: "fr" });
    });
  }

  it("honours a declared ISO-8859-1 page", () => {
    const [r] = parseBytes(fixture("encoding/latin1-declared.html"), { name: "latin1.html" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input.text).toContain('"Café society is back," said Renée Dupré - the owner');
  });

  it("lets the HTTP content type's charset win over the page's own declaration", () => {
    const bytes = new Uint8Array([
      ...enc('<html><head><meta charset="utf-8"></head><body><p>'),
      0xc0,
      0xe4,
      0xe5,
      0xf0,
      ...enc(", ... a full paragraph of Cyrillic text, long enough.</p></body></html>"),
    ]);
    const [r] = parseBytes(bytes, { name: "ru.html", contentType: "text/html; charset=windows-1251" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input.text).toMatch(/^Адер, /);
  });

  it("reads a page that declares UTF-8 but is Windows-1252 without emitting U+FFFD", () => {
    const bytes = new Uint8Array([
      ...enc('<html><head><meta charset="utf-8"></head><body><p>Caf'),
      0xe9,
      ...enc(" au lait, a paragraph long enough to be the article text.</p></body></html>"),
    ]);
    const [r] = parseBytes(bytes, { name: "liar.html" });
    expect(r.ok && r.value.input.text).toBe("Café au lait, a paragraph long enough to be the article text.");
  });

  it("refuses plain text that is not UTF-8 instead of guessing its encoding", () => {
    const bytes = new Uint8Array([...enc("Caf"), 0xe9, ...enc(" au lait in a text file with no charset.")]);
    const [r] = parseBytes(bytes, { name: "notes.txt" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "input_encoding", input: "notes.txt" });
    const [declared] = parseBytes(bytes, { name: "notes.txt", contentType: "text/plain; charset=windows-1252" });
    expect(declared.ok && declared.value.input.text).toBe("Café au lait in a text file with no charset.");
  });
});

describe("format detection", () => {
  const html =
    "<!DOCTYPE html><html><body><article><p>A page saved with the wrong extension, with a paragraph of text.</p></article></body></html>";
  it("sniffs HTML saved as .txt and as an extension-less name", () => {
    for (const name of ["page.txt", "page"]) {
      const [r] = parseBytes(enc(html), { name });
      expect(r.ok && r.value.input.text).toBe("A page saved with the wrong extension, with a paragraph of text.");
    }
  });

  it("sniffs a feed saved as .xml or .html, and JSON Lines saved as .json", () => {
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><description>Body text.</description></item></channel></rss>';
    for (const name of ["feed.xml", "feed.html"])
      expect(parseBytes(enc(rss), { name })[0]).toMatchObject({
        ok: true,
        value: { origin: `${name}#item-1`, input: { text: "Body text." } },
      });
    const jsonl = '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}\n';
    expect(parseBytes(enc(jsonl), { name: "dump.json" }).map((r) => r.ok && r.value.input.id)).toEqual(["a", "b"]);
  });

  it("reports a pretty-printed JSON object that is no feed once, not line by line", () => {
    const rs = parseBytes(enc(JSON.stringify({ abc: { articleBody: "x", url: "u" } }, null, 4)), {
      name: "ground-truth.json",
    });
    expect(rs).toEqual([
      {
        ok: false,
        error: expect.objectContaining({
          code: "input_unsupported",
          message:
            "ground-truth.json: a JSON document that is neither a JSON Feed, JSON Lines nor an array of articles",
        }),
      },
    ]);
  });

  it("keeps plain text as plain text, without a leading BOM", () => {
    expect(parseBytes(enc("\uFEFFGENEVA (AP) — Talks began.\n"), { name: "a.txt" })).toEqual([
      { ok: true, value: { origin: "a.txt", input: { id: "a.txt", text: "GENEVA (AP) — Talks began." } } },
    ]);
  });

  it("reads gzip-compressed pages and feeds directly", () => {
    const [r] = parseBytes(new Uint8Array(gzipSync(html)), { name: "page.html.gz" });
    expect(r.ok && r.value.input).toMatchObject({
      id: "page.html",
      text: "A page saved with the wrong extension, with a paragraph of text.",
    });
  });
});

describe("bad input gets a clear error naming the input", () => {
  it("empty file", () =>
    expect(errorOf(fixture("bad/empty.html"), "bad/empty.html")).toEqual({
      code: "input_empty",
      message: "bad/empty.html: file is empty",
      input: "bad/empty.html",
    }));
  it("white space only", () => expect(errorOf(enc(" \n\t\n"), "blank.txt")?.code).toBe("input_empty"));
  it("binary data", () =>
    expect(errorOf(fixture("bad/image.html"), "bad/image.html")).toMatchObject({
      code: "input_binary",
      message: expect.stringMatching(/^bad\/image\.html: binary data/),
    }));
  it("truncated gzip", () =>
    expect(errorOf(fixture("bad/truncated.html.gz"), "bad/truncated.html.gz")).toMatchObject({
      code: "input_malformed",
      message: expect.stringMatching(/^bad\/truncated\.html\.gz: gzip data is truncated or corrupt/),
    }));
  it("a .gz that is not gzip", () => expect(errorOf(enc("plain"), "x.html.gz")?.code).toBe("input_malformed"));
  it("an .html without markup", () =>
    expect(errorOf(fixture("bad/not-html.html"), "bad/not-html.html")).toMatchObject({
      code: "input_malformed",
      message: "bad/not-html.html: named as HTML but contains no markup",
    }));
  it("a page without article text", () =>
    expect(errorOf(enc("<html><body><nav><a href='/'>Home</a></nav></body></html>"), "nav.html")).toMatchObject({
      code: "input_empty",
      message: "nav.html: no article text found in the page",
    }));
  it("an input over the size limit", () =>
    expect(errorOf(enc("x".repeat(2000)), "big.txt", { maxBytes: 1000 })).toMatchObject({
      code: "input_too_large",
      message: "big.txt: 2000 bytes is over the 1000-byte limit",
    }));
  it("a gzip bomb over the size limit once decompressed", () =>
    expect(errorOf(new Uint8Array(gzipSync("a".repeat(100_000))), "bomb.txt.gz", { maxBytes: 10_000 })?.code).toBe(
      "input_too_large",
    ));
});

describe("charset declared by an XML declaration", () => {
  it("decodes an ISO-8859-1 RSS feed", () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Monde diplomatique</title><item><title>Été</title><description>Un été très chaud à Genève.</description></item></channel></rss>';
    const bytes = new Uint8Array([...xml].map((c) => c.charCodeAt(0)));
    const [r] = parseBytes(bytes, { name: "fr.rss" });
    expect(r.ok && r.value.input).toMatchObject({ title: "Été", text: "Un été très chaud à Genève." });
  });
});

describe("second opinions for pages the extractor finds (almost) empty", () => {
  it("uses the JSON-LD articleBody when the visible page holds only a teaser", () => {
    const body =
      "The council approved the budget on Tuesday after a long debate, with 31 votes in favour and 12 against.\n\n"
        .repeat(4)
        .trim();
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Budget passes", articleBody: body })}</script></head><body><div class="teaser"><p>Budget passes.</p></div></body></html>`;
    const [r] = parseBytes(enc(html), { name: "teaser.html" });
    expect(r.ok && r.value.input.text).toBe(body);
  });
});
