import type { AnalyzeInput } from "@newsfuse/core";
import { parseByline } from "./byline.ts";
import { parseHtml } from "./dom.ts";
import { extractMainText } from "./extract.ts";
import { readabilityText } from "./fallback.ts";
import { fragmentText } from "./extract.ts";
import { readMetadata } from "./metadata.ts";

/**
 * Below this many characters the fast extractor probably picked the wrong container (a teaser, a
 * comment); then the page's JSON-LD articleBody or Readability gets a say and the longer text wins.
 */
const SHORT_BODY_CHARS = 300;

export { parseByline, type Byline } from "./byline.ts";
export { extractMainText, type MainText } from "./extract.ts";
export { readMetadata, type PageMeta } from "./metadata.ts";
export { parseHtml } from "./dom.ts";

/** Text that may be HTML (feed content, JSON-LD articleBody): markup is read as a fragment, plain text keeps its line breaks. */
export function htmlOrText(s: string): string {
  if (!/<[a-z!/]/i.test(s))
    return s
      .replace(/[ \t\u00a0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  return fragmentText(parseHtml(s).root);
}

export interface HtmlArticle {
  input: AnalyzeInput;
  /** Number of paragraphs kept; 0 means the page had no article text. */
  paragraphs: number;
}

/** Reads one HTML page into an analyze input: clean body text plus the page's metadata. */
export function readHtmlPage(html: string, id: string): HtmlArticle {
  const { root, jsonLd } = parseHtml(html);
  // Metadata first: extraction prunes <head> and bylines from the tree.
  const meta = readMetadata(root, jsonLd);
  const main = extractMainText(root, { title: meta.title });
  let text = main.text;
  let paragraphs = main.paragraphs.length;
  if (text.length < SHORT_BODY_CHARS) {
    const ld = meta.articleBody ? htmlOrText(meta.articleBody) : "";
    const alt = ld.length >= SHORT_BODY_CHARS ? ld : readabilityText(html);
    // Only a clearly longer text replaces ours: on a genuinely short article the others add furniture.
    if (alt.length > Math.max(text.length * 1.5, text.length + 100)) {
      text = alt;
      paragraphs = alt.split("\n\n").length;
    }
  }
  const byline = parseByline(meta.authorLines, meta.organizations);
  const input: AnalyzeInput = { id, text };
  if (meta.title) input.title = meta.title;
  if (meta.url) input.url = meta.url;
  if (meta.published) input.published = meta.published;
  if (meta.modified) input.modified = meta.modified;
  if (meta.publisher) input.outlet = meta.publisher;
  if (meta.language) input.language = meta.language;
  if (byline.names.length) input.authors = byline.names;
  if (byline.agency) input.agency = byline.agency;
  if (meta.dateConflicts.length) input.dateConflicts = meta.dateConflicts;
  return { input, paragraphs };
}
