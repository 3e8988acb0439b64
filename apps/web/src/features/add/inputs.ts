/**
 * The media type an input is posted with. The server reads feeds and JSON from what the content
 * looks like, so those go as text; JSON Lines batches go as NDJSON (one article per line).
 */
export function contentTypeFor(name: string, type = ""): string {
  const ext = name.toLowerCase().replace(/\.gz$/, "").split(".").pop() ?? "";
  if (ext === "jsonl" || ext === "ndjson" || type.includes("ndjson")) return "application/x-ndjson";
  if (["html", "htm", "xhtml", "xml", "rss", "atom"].includes(ext) || /html|xml/.test(type)) return "text/html";
  return "text/plain";
}

/** Pasted text: HTML when it starts like markup, prose otherwise. */
export function pastedType(text: string): string {
  return /^\s*</.test(text) ? "text/html" : "text/plain";
}
