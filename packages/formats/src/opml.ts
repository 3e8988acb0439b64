import { type Result, err, ok } from "@newsfuse/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface OpmlFeed {
  url: string;
  title?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: { enabled: true, maxTotalExpansions: 10_000 } as never,
  isArray: (name) => name === "outline",
});

type X = Record<string, unknown>;

/** True when the text is an OPML document (a subscription list) rather than a feed or a page. */
export function looksLikeOpml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .replace(/^(\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/i, "");
  return /^<opml[\s>]/i.test(head);
}

/**
 * Every feed an OPML subscription list names (`<outline xmlUrl=…>` at any depth, folders included),
 * in document order, each once.
 */
export function readOpml(text: string, name: string): Result<OpmlFeed[]> {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return err("input_malformed", `${name}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, name);
  const doc = parser.parse(text) as X;
  const body = (doc.opml as X | undefined)?.body as X | undefined;
  if (!doc.opml) return err("input_unsupported", `${name}: not an OPML document`, name);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: unknown) => {
    for (const o of (outlines as X[] | undefined) ?? []) {
      if (!o || typeof o !== "object") continue;
      const url = typeof o["@_xmlUrl"] === "string" ? o["@_xmlUrl"].trim() : "";
      if (url && !seen.has(url)) {
        seen.add(url);
        const title = o["@_title"] ?? o["@_text"];
        feeds.push(typeof title === "string" && title.trim() ? { url, title: title.trim() } : { url });
      }
      walk(o.outline);
    }
  };
  walk(body?.outline);
  if (!feeds.length) return err("input_empty", `${name}: the OPML list names no feeds (no outline with xmlUrl)`, name);
  return ok(feeds);
}
