import { describe, expect, it } from "vitest";
import { parseBytes } from "../index.ts";
import { fixture } from "../testing.ts";
import { parseHtml } from "./dom.ts";
import { isoDate, readMetadata } from "./metadata.ts";

const meta = (head: string, body = "") => {
  const { root, jsonLd } = parseHtml(
    `<!DOCTYPE html><html lang="de-DE"><head>${head}</head><body>${body}</body></html>`,
  );
  return readMetadata(root, jsonLd);
};

describe("page metadata precedence", () => {
  it("takes headline, dates, authors and publisher from JSON-LD inside @graph first", () => {
    const m = meta(`
      <meta property="og:title" content="OG title">
      <meta property="article:published_time" content="2024-03-02T10:00:00Z">
      <link rel="canonical" href="https://example.org/a">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Example"},
        {"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-01T09:00:00+01:00","dateModified":"2024-03-04T12:00:00+01:00",
         "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Example Desk"}],
         "publisher":{"@type":"Organization","name":"Example News"}}]}</script>`);
    expect(m).toMatchObject({
      title: "LD headline",
      published: "2024-03-01T09:00:00+01:00",
      modified: "2024-03-04T12:00:00+01:00",
      publisher: "Example News",
      url: "https://example.org/a",
      language: "de-DE",
      authorLines: ["Jane Doe"],
    });
    expect(m.dateConflicts).toEqual([
      "meta article:published_time says 2024-03-02, JSON-LD datePublished says 2024-03-01; kept 2024-03-01",
    ]);
  });

  it("falls back to OpenGraph and article:* meta, then the visible <time>", () => {
    expect(
      meta(
        `<meta property="og:title" content="OG title"><meta property="article:published_time" content="2024-05-06T07:08:09+02:00"><meta property="og:site_name" content="Site">`,
      ),
    ).toMatchObject({ title: "OG title", published: "2024-05-06T07:08:09+02:00", publisher: "Site" });
    expect(
      meta(`<title>Tag title</title>`, `<article><time datetime="2024-01-02T03:04:05Z">Jan 2</time><p>x</p></article>`),
    ).toMatchObject({ title: "Tag title", published: "2024-01-02T03:04:05Z" });
  });

  it("never takes a modification or 'updated' date as the publication date", () => {
    const m = meta(
      `<meta property="article:modified_time" content="2024-06-10T00:00:00Z"><meta property="og:updated_time" content="2024-06-11T00:00:00Z">`,
      `<p>Updated <time class="updated" datetime="2024-06-12T00:00:00Z">June 12</time></p>`,
    );
    expect(m.published).toBeUndefined();
    expect(m.modified).toBe("2024-06-10T00:00:00Z");
  });

  it("records a visible date that disagrees with the metadata, but not the same moment in another time zone", () => {
    const conflicting = meta(
      `<meta property="article:published_time" content="2024-02-01T12:00:00Z">`,
      `<time datetime="2024-02-05">Feb 5</time>`,
    );
    expect(conflicting.published).toBe("2024-02-01T12:00:00Z");
    expect(conflicting.dateConflicts).toEqual([
      "visible <time> says 2024-02-05, meta article:published_time says 2024-02-01; kept 2024-02-01",
    ]);
    const sameInstant = meta(
      `<meta property="article:published_time" content="2024-02-01T02:00:00Z">`,
      `<time datetime="2024-01-31T21:00:00-05:00">Jan 31</time>`,
    );
    expect(sameInstant.dateConflicts).toEqual([]);
  });

  it("skips CMS placeholder dates and broken JSON-LD", () => {
    const m = meta(
      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z",}</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"Good","datePublished":"0001-01-01T00:00:00Z"}</script><meta name="date" content="2019-11-19">`,
    );
    expect(m.title).toBe("Good");
    expect(m.published).toBe("2019-11-19");
  });

  it("normalises the date forms publishers write", () => {
    expect(isoDate("2019-11-19 02:24:00 UTC")).toBe("2019-11-19T02:24:00Z");
    expect(isoDate("2019-11-20T09:29:08+0000")).toBe("2019-11-20T09:29:08+00:00");
    expect(isoDate("20191119")).toBe("2019-11-19");
    expect(isoDate("Fri, 21 Jan 2022 14:05:00 +0000")).toBe("2022-01-21T14:05:00.000Z");
    expect(isoDate("yesterday")).toBeUndefined();
  });
});

describe("metadata of real pages", () => {
  it("reads URL, outlet, dates and bylines of a USA Today page, ignoring its 0001-01-01 placeholder", () => {
    const [r] = parseBytes(fixture("pages/776a1c04.html.gz"), { name: "776a1c04.html.gz" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input).toMatchObject({
      url: "https://www.usatoday.com/story/news/nation/2019/11/19/meth-were-it-south-dakota-campaign-working-kristi-noem-says/4236383002/",
      outlet: "USA TODAY",
      authors: ["Lisa Kaczke", "Trevor J. Mitchell"],
      language: "en",
    });
    expect(r.value.input.published ?? "").not.toMatch(/^0001/);
  });

  it("keeps JSON-LD's published date over a visible <time> of the same moment", () => {
    const [r] = parseBytes(fixture("pages/d1c57d78.html.gz"), { name: "d1c57d78.html.gz" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input).toMatchObject({
      published: "2019-11-19T04:50:22+00:00",
      modified: "2019-11-19T04:54:08+00:00",
      authors: ["Jeff Foust"],
      outlet: "SpaceNews.com",
    });
    expect(r.value.input.dateConflicts).toBeUndefined();
  });
});

describe("several JSON-LD articles on one page", () => {
  it("takes the one whose URL is the page's, not a related story listed first", () => {
    const m = meta(`<link rel="canonical" href="https://example.org/news/main-story/">
      <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Related story","url":"https://example.org/news/other","datePublished":"2020-01-01"},
        {"@type":"NewsArticle","headline":"Main story","mainEntityOfPage":{"@id":"https://www.example.org/news/main-story"},"datePublished":"2024-07-07"}]</script>`);
    expect(m).toMatchObject({ title: "Main story", published: "2024-07-07" });
  });
});
