import { type AnalyzeInput, err, ok } from "@newsfuse/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseByline } from "./html/byline.ts";
import { htmlOrText } from "./html/index.ts";
import { isoDate } from "./html/metadata.ts";
import type { ReadResult } from "./types.ts";

type X = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  htmlEntities: true,
  // Entity expansion is bounded: a feed is untrusted input (billion-laughs).
  processEntities: { enabled: true, maxTotalExpansions: 10_000 } as never,
  isArray: (name) => ["item", "entry", "link", "author", "category", "dc:creator"].includes(name),
});

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as X)["#text"]);
  return undefined;
}

/** Feed content is HTML far more often than not; plain text passes through the same reader unchanged. */
function bodyText(html: string | undefined): string {
  return html ? htmlOrText(html) : "";
}

function atomLink(v: unknown): string | undefined {
  const links = (Array.isArray(v) ? v : [v]).filter(Boolean) as X[];
  const alt = links.find((l) => typeof l === "object" && (!l["@_rel"] || l["@_rel"] === "alternate")) ?? links[0];
  if (!alt) return undefined;
  return typeof alt === "string" ? alt : text(alt["@_href"]);
}

interface FeedItem {
  id?: string;
  title?: string;
  url?: string;
  html?: string;
  published?: string;
  modified?: string;
  authors: string[];
}

function toResults(
  items: FeedItem[],
  name: string,
  baseId: string,
  outlet: string | undefined,
  language: string | undefined,
): ReadResult[] {
  if (items.length === 0) return [err("input_empty", `${name}: the feed has no items`, name)];
  return items.map((it, i) => {
    const origin = `${name}#item-${i + 1}`;
    const body = bodyText(it.html);
    if (!body)
      return err(
        "input_empty",
        `${origin}: item ${i + 1}${it.title ? ` ("${it.title}")` : ""} has no content or description`,
        origin,
        { item: i + 1 },
      );
    const input: AnalyzeInput = { id: it.id ?? `${baseId}#${i + 1}`, text: body };
    if (it.title) input.title = it.title;
    if (it.url) input.url = it.url;
    const published = isoDate(it.published);
    if (published) input.published = published;
    const modified = isoDate(it.modified);
    if (modified) input.modified = modified;
    if (outlet) input.outlet = outlet;
    if (language) input.language = language;
    const by = parseByline(it.authors, outlet ? [outlet] : []);
    if (by.names.length) input.authors = by.names;
    if (by.agency) input.agency = by.agency;
    return ok({ origin, input });
  });
}

/** RSS 2.0 / RSS 1.0 (RDF) and Atom: one result per item or entry. */
export function readXmlFeed(xml: string, name: string, baseId: string): ReadResult[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    return [err("input_malformed", `${name}: not well-formed XML (line ${e.line}: ${e.msg})`, name, { line: e.line })];
  }
  let doc: X;
  try {
    doc = parser.parse(xml) as X;
  } catch (e) {
    return [err("input_malformed", `${name}: cannot parse the feed (${(e as Error).message})`, name)];
  }
  const rss = (doc.rss as X | undefined)?.channel as X | undefined;
  const rdf = doc["rdf:RDF"] as X | undefined;
  if (rss || rdf) {
    const channel = rss ?? (rdf?.channel as X | undefined) ?? {};
    const rawItems = ((rss ? rss.item : rdf?.item) ?? []) as X[];
    const items: FeedItem[] = rawItems.map((it) => ({
      id: text(it.guid),
      title: text(it.title),
      url: text(it.link),
      html: text(it["content:encoded"]) ?? text(it.description),
      published: text(it.pubDate) ?? text(it["dc:date"]),
      authors: [
        ...((it["dc:creator"] as unknown[] | undefined) ?? []).map(text),
        text(it.author)?.replace(/^\S+@\S+\s*\((.*)\)$/, "$1"),
      ].filter((a): a is string => !!a),
    }));
    return toResults(items, name, baseId, text(channel.title), text(channel.language));
  }
  const feed = doc.feed as X | undefined;
  if (feed) {
    const items: FeedItem[] = ((feed.entry ?? []) as X[]).map((e) => ({
      id: text(e.id),
      title: text(e.title),
      url: atomLink(e.link),
      html: text(e.content) ?? text(e.summary),
      published: text(e.published) ?? text(e.issued),
      modified: text(e.updated),
      authors: ((e.author ?? feed.author ?? []) as X[]).map((a) => text(a?.name)).filter((a): a is string => !!a),
    }));
    return toResults(items, name, baseId, text(feed.title), text(feed["@_xml:lang"]));
  }
  return [
    err(
      "input_unsupported",
      `${name}: XML but neither RSS nor Atom (root element <${Object.keys(doc).find((k) => !k.startsWith("?")) ?? "?"}>)`,
      name,
    ),
  ];
}

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
export function readJsonFeed(json: string, name: string, baseId: string): ReadResult[] {
  let doc: X;
  try {
    doc = JSON.parse(json) as X;
  } catch (e) {
    return [err("input_malformed", `${name}: not valid JSON (${(e as Error).message})`, name)];
  }
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.items))
    return [err("input_malformed", `${name}: a JSON Feed needs an "items" array`, name)];
  const authorsOf = (o: X): string[] => {
    const list = Array.isArray(o.authors) ? (o.authors as X[]) : o.author ? [o.author as X] : [];
    return list.map((a) => text(a?.name)).filter((a): a is string => !!a);
  };
  const items: FeedItem[] = (doc.items as X[]).map((it) => ({
    id: text(it.id),
    title: text(it.title),
    url: text(it.url),
    html: text(it.content_html) ?? text(it.content_text) ?? text(it.summary),
    published: text(it.date_published),
    modified: text(it.date_modified),
    authors: authorsOf(it).length ? authorsOf(it) : authorsOf(doc),
  }));
  return toResults(items, name, baseId, text(doc.title), text(doc.language));
}
