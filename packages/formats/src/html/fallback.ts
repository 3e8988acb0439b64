import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseHtml } from "./dom.ts";
import { fragmentText } from "./extract.ts";

/**
 * Second opinion for pages where the fast extractor finds (almost) nothing: Mozilla Readability
 * over linkedom. It costs ~40 ms a page, so it only runs on those pages; its article HTML goes
 * through the same block cleaning as feed content.
 */
export function readabilityText(html: string, opts: { raw?: boolean } = {}): string {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (!article?.content) return "";
    // `raw` is Readability's own text, for benchmarking it against our extractor.
    if (opts.raw) return article.textContent ?? "";
    return fragmentText(parseHtml(article.content).root);
  } catch {
    // Readability throws on some malformed documents; the caller keeps its own (short) result.
    return "";
  }
}
