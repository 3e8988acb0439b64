import { describe, expect, it } from "vitest";
import { parseBytes } from "../index.ts";
import { fixture, shingleScore } from "../testing.ts";
import expected from "../../fixtures/pages/expected.json" with { type: "json" };
import { parseHtml } from "./dom.ts";
import { extractMainText, fragmentText } from "./extract.ts";

const pages = expected as Record<string, { id: string; url: string; articleBody: string }>;

describe("article text of real pages (extraction dev set)", () => {
  for (const [short, truth] of Object.entries(pages)) {
    it(`extracts the body of ${new URL(truth.url).host} (${short}) with the benchmark's precision and recall >= 0.97`, () => {
      const [r] = parseBytes(fixture(`pages/${short}.html.gz`), { name: `${short}.html.gz` });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const s = shingleScore(truth.articleBody, r.value.input.text);
      expect(s.precision).toBeGreaterThanOrEqual(0.97);
      expect(s.recall).toBeGreaterThanOrEqual(0.97);
    });
  }

  it("keeps the page's paragraphs as blank-line separated paragraphs", () => {
    const [r] = parseBytes(fixture("pages/776a1c04.html.gz"), { name: "776a1c04.html.gz" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input.text.split("\n\n")).toHaveLength(pages["776a1c04"].articleBody.split("\n\n").length);
    expect(r.value.input.text).not.toMatch(/\n{3,}/);
  });

  it("keeps embedded tweet footers but drops the headline and 'Like this' prompts", () => {
    const [r] = parseBytes(fixture("pages/0dd13570.html.gz"), { name: "0dd13570.html.gz" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.input.text).toContain("— The Nigerian Senate (@NGRSenate) October 9, 2018");
    expect(r.value.input.text).not.toContain("BREAKING: Lawan moves motion");
    expect(r.value.input.text).not.toMatch(/Like Loading/);
  });
});

const page = (body: string) =>
  parseHtml(`<html><head><title>Storm hits coast</title></head><body>${body}</body></html>`).root;
const para = (n: number) =>
  `<p>Paragraph ${n} of the story tells, in a full sentence with commas, what happened, where, and to whom it happened.</p>`;

describe("boilerplate inside the article container", () => {
  it("drops captions, related lists, newsletter boxes, share bars, comment prompts and cookie banners but keeps headings and list items", () => {
    const root = page(`
      <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article class="story">
        <h1>Storm hits coast</h1>
        <div class="share-tools"><a href="#">Share</a><a href="#">Tweet</a></div>
        ${para(1)}
        <figure><img src="a.jpg"><figcaption>Waves hit the pier on Monday. Photo: Jane Roe</figcaption></figure>
        <div class="media"><img src="b.jpg"><span>Residents leave the town</span></div>
        ${para(2)}
        <h2>What comes next</h2>
        ${para(3)}
        <ul><li>Schools are closed until Thursday.</li><li>Roads along the coast remain shut.</li></ul>
        <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news in your inbox.</p></div>
        <div class="related-articles"><h3>Related</h3><ul><li><a href="/1">Earlier storm story</a></li><li><a href="/2">Flood map</a></li></ul></div>
        ${para(4)}
        <p>Read more: <a href="/x">How storms form</a></p>
        <div id="comments"><p>Leave a comment</p><p>Join the conversation, be civil.</p></div>
      </article>
      <aside><h2>Most popular</h2><p>Something else entirely that is long enough to look like a paragraph.</p></aside>
      <footer>© 2024 Example News</footer>`);
    const { text, paragraphs } = extractMainText(root, { title: "Storm hits coast" });
    expect(paragraphs).toEqual([
      expect.stringContaining("Paragraph 1"),
      expect.stringContaining("Paragraph 2"),
      "What comes next",
      expect.stringContaining("Paragraph 3"),
      "Schools are closed until Thursday.",
      "Roads along the coast remain shut.",
      expect.stringContaining("Paragraph 4"),
    ]);
    expect(text).not.toMatch(/cookie|Share|Photo|Residents leave|newsletter|Related|Read more|comment|popular|©/i);
  });

  it("recognises the caption of a lazy-loaded image whose <img> sits in <noscript>", () => {
    const root = page(
      `<article>${para(1)}<div class="lazy"><div class="ph"></div><noscript><img src="p.jpg"></noscript><span>Firefighters at the scene on Monday</span></div>${para(2)}</article>`,
    );
    expect(extractMainText(root).text).not.toContain("Firefighters");
  });

  it("joins an article split into same-class chunks around an ad", () => {
    const root =
      page(`<main><div class="chunk"><div class="body">${para(1)}${para(2)}</div><div class="ad-rail">Ad</div></div>
      <div class="chunk"><div class="body">${para(3)}${para(4)}</div><div class="ad-rail">Ad</div></div></main>
      <div class="more"><p>${"Other story teaser. ".repeat(3)}</p></div>`);
    const { paragraphs } = extractMainText(root);
    expect(paragraphs.map((p) => p.slice(0, 11))).toEqual(["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"]);
  });

  it("treats blank lines in the HTML source as white space, not as paragraph breaks", () => {
    const root = page(
      `<article><p>One paragraph written\n\n   across blank source lines, with commas, and enough words.</p></article>`,
    );
    expect(extractMainText(root).paragraphs).toEqual([
      "One paragraph written across blank source lines, with commas, and enough words.",
    ]);
  });

  it("reads paragraphs separated by double <br> as separate paragraphs", () => {
    const root = page(
      `<div class="entry-content">First paragraph, with a comma, and enough words to be text.<br><br>Second paragraph, also with a comma, and enough words.</div>`,
    );
    expect(extractMainText(root).paragraphs).toEqual([
      "First paragraph, with a comma, and enough words to be text.",
      "Second paragraph, also with a comma, and enough words.",
    ]);
  });
});

describe("fragmentText (feed content)", () => {
  it("keeps all paragraphs of a fragment without choosing a container", () => {
    expect(fragmentText(parseHtml("<p>One.</p><p>Two &amp; three.</p><p>Advertisement</p>").root)).toBe(
      "One.\n\nTwo & three.",
    );
  });

  it("drops link-only paragraphs and the 'appeared first on' footer feeds append", () => {
    const html = `<p>The mayor opened the bridge on Monday.</p><p><a href="/a">Earlier: bridge delayed again</a></p><p>The post <a href="/b">Bridge opens</a> appeared first on <a href="/">City News</a>.</p>`;
    expect(fragmentText(parseHtml(html).root)).toBe("The mayor opened the bridge on Monday.");
  });
});

describe("hostile markup", () => {
  it("survives 20,000 unclosed <div>s without a stack overflow and keeps their text", () => {
    const html = `<html><body>${"<div>".repeat(20_000)}<p>Deep paragraph, with a comma, that must still come out as the article text.</p></body></html>`;
    expect(extractMainText(parseHtml(html).root).text).toBe(
      "Deep paragraph, with a comma, that must still come out as the article text.",
    );
  });
});
