import { describe, expect, it } from "vitest";
import { feedLinks } from "./feed-links.ts";
import { looksLikeOpml, readOpml } from "./opml.ts";

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Subs</title></head><body>
  <outline text="World"><outline text="Wire" type="rss" xmlUrl="https://example.org/wire.xml"/>
    <outline title="Daily" type="rss" xmlUrl="https://example.org/daily.atom"/></outline>
  <outline text="Wire again" xmlUrl="https://example.org/wire.xml"/>
  <outline text="A folder with no feed"/>
</body></opml>`;

describe("readOpml", () => {
  it("lists every feed at any depth, once, with its title", () => {
    expect(looksLikeOpml(OPML)).toBe(true);
    expect(readOpml(OPML, "subs.opml")).toEqual({
      ok: true,
      value: [
        { url: "https://example.org/wire.xml", title: "Wire" },
        { url: "https://example.org/daily.atom", title: "Daily" },
      ],
    });
  });

  it("says what is wrong with a list that names no feed or is no OPML", () => {
    const empty = readOpml('<opml version="2.0"><body><outline text="x"/></body></opml>', "e.opml");
    expect(empty.ok || empty.error.code).toBe("input_empty");
    expect(looksLikeOpml("<rss><channel/></rss>")).toBe(false);
    const broken = readOpml("<opml><body>", "b.opml");
    expect(broken.ok || broken.error.code).toBe("input_malformed");
  });
});

describe("feedLinks", () => {
  it("gives each RSS item's link and whether the feed carries its full text", () => {
    const long = "word ".repeat(300);
    const rss = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
      <item><title>A</title><link>https://example.org/a</link><description>Teaser.</description></item>
      <item><title>B</title><link>https://example.org/b</link><content:encoded><![CDATA[<p>${long}</p>]]></content:encoded></item>
    </channel></rss>`;
    expect(feedLinks(rss).map((l) => [l.link, l.fullText])).toEqual([
      ["https://example.org/a", false],
      ["https://example.org/b", true],
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link rel="alternate" href="https://example.org/c"/><summary>s</summary></entry></feed>`;
    expect(feedLinks(atom)[0].link).toBe("https://example.org/c");
    expect(
      feedLinks('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"https://example.org/d"}]}')[0]
        .link,
    ).toBe("https://example.org/d");
  });
});
