import { XMLParser } from "fast-xml-parser";
import { htmlOrText } from "./html/index.ts";

/**
 * Feed content longer than this is taken as the article's full text, not a teaser: the shortest
 * article bodies of the extraction dev set are a little over 1 000 characters, teasers are a paragraph.
 */
export const FULL_TEXT_CHARS = 1000;

export interface FeedLink {
  /** The item's link, as written (may be relative). */
  link?: string;
  id?: string;
  title?: string;
  /** The item carries its full text (content:encoded, Atom content or JSON Feed content, long enough). */
  fullText: boolean;
}

type X = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  htmlEntities: true,
  processEntities: { enabled: true, maxTotalExpansions: 10_000 } as never,
  isArray: (name) => ["item", "entry", "link"].includes(name),
});

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as X)["#text"]);
  return undefined;
}

const isFull = (html: string | undefined) => !!html && htmlOrText(html).length >= FULL_TEXT_CHARS;

function atomLink(v: unknown): string | undefined {
  const links = (Array.isArray(v) ? v : [v]).filter(Boolean) as X[];
  const alt = links.find((l) => typeof l === "object" && (!l["@_rel"] || l["@_rel"] === "alternate")) ?? links[0];
  if (!alt) return undefined;
  return typeof alt === "string" ? alt : text(alt["@_href"]);
}

/**
 * The link of every item of an RSS, Atom or JSON Feed, in the order `parseBytes` yields the items,
 * with whether the feed already carries the item's full text. Empty for anything else.
 */
export function feedLinks(textBody: string): FeedLink[] {
  const head = textBody.slice(0, 2048).trimStart();
  if (head.startsWith("{")) {
    let doc: X;
    try {
      doc = JSON.parse(textBody) as X;
    } catch {
      return [];
    }
    if (!Array.isArray(doc?.items)) return [];
    return (doc.items as X[]).map((it) => ({
      link: text(it?.url),
      id: text(it?.id),
      title: text(it?.title),
      fullText: isFull(text(it?.content_html) ?? text(it?.content_text)),
    }));
  }
  let doc: X;
  try {
    doc = parser.parse(textBody) as X;
  } catch {
    return [];
  }
  const rss = (doc.rss as X | undefined)?.channel as X | undefined;
  const rdf = doc["rdf:RDF"] as X | undefined;
  if (rss || rdf)
    return (((rss ? rss.item : rdf?.item) ?? []) as X[]).map((it) => ({
      link: text(it.link),
      id: text(it.guid),
      title: text(it.title),
      fullText: isFull(text(it["content:encoded"])),
    }));
  const feed = doc.feed as X | undefined;
  if (feed)
    return ((feed.entry ?? []) as X[]).map((e) => ({
      link: atomLink(e.link),
      id: text(e.id),
      title: text(e.title),
      fullText: isFull(text(e.content)),
    }));
  return [];
}
