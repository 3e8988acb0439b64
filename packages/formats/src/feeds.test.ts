import { describe, expect, it } from "vitest";
import { parseBytes, type ReadResult } from "./index.ts";
import { fixture } from "./testing.ts";

const values = (rs: ReadResult[]) => rs.map((r) => (r.ok ? r.value : r.error));

describe("RSS 2.0", () => {
  const rs = parseBytes(fixture("feeds/world.rss"), { name: "feeds/world.rss" });

  it("gives one result per item, preferring content:encoded over the description", () => {
    expect(rs).toHaveLength(3);
    expect(values(rs)[0]).toEqual({
      origin: "feeds/world.rss#item-1",
      input: {
        id: "geneva-talks-2022",
        text: "GENEVA — U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov on Friday.\n\n“We did not expect a breakthrough,” Blinken said after the talks.",
        title: "Blinken and Lavrov meet in Geneva",
        url: "https://news.example.org/2022/01/21/geneva-talks",
        published: "2022-01-21T14:05:00.000Z",
        outlet: "Example World News",
        language: "en-gb",
        authors: ["Jane Doe"],
        agency: "AP",
      },
    });
  });

  it("uses the description when that is all, and reads the RSS author element", () => {
    expect(values(rs)[1]).toMatchObject({
      input: {
        text: "European markets were steady on Friday & oil prices fell.",
        authors: ["Tom Smith"],
        id: "world.rss#2",
      },
    });
  });

  it("reports an item without content as an error naming the item, and keeps the others", () => {
    expect(rs[2]).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "input_empty",
        input: "feeds/world.rss#item-3",
        message: expect.stringContaining('item 3 ("Empty item")'),
      }),
    });
  });
});

describe("Atom", () => {
  const rs = parseBytes(fixture("feeds/world.atom"), { name: "world.atom" });

  it("reads entries with HTML content, the alternate link, published and updated dates", () => {
    expect(values(rs)[0]).toMatchObject({
      origin: "world.atom#item-1",
      input: {
        id: "urn:example:riga-1",
        title: "NATO ministers meet in Riga",
        url: "https://atom.example.org/riga",
        text: "RIGA, Latvia — NATO foreign ministers met on Wednesday.\n\nThey discussed Ukraine.",
        published: "2021-12-01T08:00:00+02:00",
        modified: "2021-12-02T10:00:00+02:00",
        authors: ["Ann Lee"],
        language: "en",
      },
    });
  });

  it("falls back to the summary and the feed-level author, and never uses `updated` as published", () => {
    const second = values(rs)[1] as { input: Record<string, unknown> };
    expect(second.input).toMatchObject({
      text: "Only a summary is available for this entry.",
      authors: ["Paul Martin"],
      modified: "2021-12-03T10:00:00Z",
    });
    expect(second.input.published).toBeUndefined();
  });
});

describe("JSON Feed", () => {
  const rs = parseBytes(fixture("feeds/world.json"), { name: "world.json" });

  it("reads content_html without captions, and content_text as is", () => {
    expect(values(rs)).toEqual([
      {
        origin: "world.json#item-1",
        input: expect.objectContaining({
          id: "jf-1",
          text: "STOCKHOLM — Blinken warned of serious costs.\n\nLavrov rejected the warning.",
          authors: ["Maria Garcia"],
          published: "2021-12-02T12:00:00+01:00",
          outlet: "Example JSON Desk",
        }),
      },
      {
        origin: "world.json#item-2",
        input: expect.objectContaining({
          id: "jf-2",
          text: "A plain-text item.\n\nIt has two paragraphs.",
          authors: ["Kim Berg"],
        }),
      },
    ]);
  });
});

describe("feeds that are not what they claim", () => {
  it("reports a .rss that is not XML, with the line", () => {
    const [r] = parseBytes(fixture("bad/not-a-feed.rss"), { name: "bad/not-a-feed.rss" });
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "input_malformed",
        input: "bad/not-a-feed.rss",
        message: expect.stringMatching(/^bad\/not-a-feed\.rss: not well-formed XML \(line \d+/),
      }),
    });
  });

  it("reports XML that is neither RSS nor Atom", () => {
    const [r] = parseBytes(new TextEncoder().encode('<?xml version="1.0"?><catalog><book/></catalog>'), {
      name: "books.xml",
    });
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "input_unsupported",
        message: "books.xml: XML but neither RSS nor Atom (root element <catalog>)",
      }),
    });
  });
});
