export type Format = "text" | "html" | "rss" | "atom" | "jsonfeed" | "jsonl" | "jsonarray";

/** File extensions every reader accepts (`.gz` may wrap any of them). */
export const SUPPORTED_EXT = /\.(txt|text|html?|xhtml|xml|rss|atom|json|jsonl|ndjson)(\.gz)?$|\.gz$/i;

/**
 * Decides the format from the extension when it is unambiguous and from the content otherwise.
 * `.xml`, `.json`, `.gz` and extension-less names are always sniffed; a `.txt` that is really an
 * HTML page is read as HTML (people save pages with the wrong extension more often than they write
 * prose that starts with `<!DOCTYPE`).
 */
export function detectFormat(name: string, text: string, contentType?: string): Format | null {
  const ext =
    name
      .toLowerCase()
      .replace(/\.gz$/, "")
      .match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const sniffed = sniff(text);
  const ct = contentType?.toLowerCase() ?? "";
  if (ext === "jsonl" || ext === "ndjson" || ct.includes("ndjson") || ct.includes("jsonl")) return "jsonl";
  if (ext === "rss") return sniffed === "atom" ? "atom" : "rss";
  if (ext === "atom") return sniffed === "rss" ? "rss" : "atom";
  if (ext === "html" || ext === "htm" || ext === "xhtml")
    return sniffed === "rss" || sniffed === "atom" ? sniffed : "html";
  if (sniffed) return sniffed;
  // An .xml that is no known feed still goes to the feed reader, which says what is wrong with it.
  if (ext === "xml") return "rss";
  if (ct.includes("html")) return "html";
  if (ext === "txt" || ext === "text" || ext === "" || ct.startsWith("text/plain")) return "text";
  return null;
}

function sniff(text: string): Format | null {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("[") && /^\[\s*(\{|\])/.test(head)) return "jsonarray";
  if (head.startsWith("{")) {
    if (
      /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head) ||
      (/^\{\s*"(version|title|home_page_url|feed_url|items)"/.test(head) && /"items"\s*:/.test(text.slice(0, 200_000)))
    ) {
      // A JSON Feed is one object; JSON Lines has an object per line.
      if (!/\}\s*\n\s*\{/.test(text.slice(0, 200_000)) || /jsonfeed\.org/.test(head)) return "jsonfeed";
    }
    return "jsonl";
  }
  const body = head.replace(/^(<\?xml[^>]*>|<!--[\s\S]*?-->|\s)*/i, "");
  if (/^<rss[\s>]/i.test(body) || /^<rdf:RDF[\s>]/i.test(body)) return "rss";
  if (/^<feed[\s>]/i.test(body)) return "atom";
  if (/^<!doctype\s+html/i.test(body) || /^<(html|head|body)[\s>]/i.test(body)) return "html";
  if (/<(html|body|p|div|article)[\s>]/i.test(head) && /^</.test(body)) return "html";
  return null;
}
