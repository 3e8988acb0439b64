import { describe, expect, it } from "vitest";
import { parseBytes } from "./index.ts";
import { fixture } from "./testing.ts";

describe("JSON Lines", () => {
  const rs = parseBytes(fixture("feeds/articles.jsonl"), { name: "articles.jsonl" });

  it("reads every good line (text or html) and reports each bad line by number, in order", () => {
    expect(rs.map((r) => (r.ok ? `ok ${r.value.input.id}` : `${r.error.code} ${r.error.input}`))).toEqual([
      "ok ecbp-00e79271887a",
      "input_malformed articles.jsonl:2",
      "ok ecbp-015205af020a",
      "ok ecbp-01cf1077affe",
      "input_malformed articles.jsonl:5",
      "ok html-line",
      "input_malformed articles.jsonl:8",
    ]);
  });

  it("says what is wrong with each bad line", () => {
    const messages = rs.flatMap((r) => (r.ok ? [] : [r.error.message]));
    expect(messages[0]).toMatch(/^articles\.jsonl:2: line 2 is not valid JSON/);
    expect(messages[1]).toBe('articles.jsonl:5: line 5 has no "text" or "html" field');
    expect(messages[2]).toBe("articles.jsonl:8: line 8 is not a JSON object");
  });

  it("maps the clustering dev-set fields and reads an html field as a page", () => {
    const first = rs[0].ok ? rs[0].value.input : null;
    expect(first).toMatchObject({ id: "ecbp-00e79271887a", title: "Woman struck, killed in Bloomington" });
    expect(first?.text).toMatch(/^Authorities have released the name of a 66-year-old woman/);
    const html = rs[5].ok ? rs[5].value.input : null;
    expect(html).toMatchObject({
      id: "html-line",
      title: "HTML line",
      url: "https://jsonl.example.org/a",
      published: "2013-09-16",
    });
    expect(html?.text).toBe(
      "An HTML body given in a JSON line, with enough words to be an article paragraph of its own.\n\nSecond paragraph of the same short article, also long enough to count.",
    );
  });
});

describe("JSON array of articles", () => {
  it("reads a .json array of the same records, one result per element", () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify([{ id: "a", text: "One." }, { title: "no body" }, { id: "c", text: "Three.", source: "Wire" }]),
    );
    expect(
      parseBytes(bytes, { name: "export.json" }).map((r) =>
        r.ok ? `${r.value.origin} ${r.value.input.text}` : r.error.message,
      ),
    ).toEqual([
      "export.json#item-1 One.",
      'export.json#item-2: item 2 has no "text" or "html" field',
      "export.json#item-3 Three.",
    ]);
  });
});
