import { type AnalyzeInput, err, ok } from "@newsfuse/core";
import { readHtmlPage } from "./html/index.ts";
import type { ReadResult } from "./types.ts";

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/**
 * One article per line: `{ "id", "title", "text" | "html", "url", "published", "source" }`
 * (the layout of the clustering dev set). A bad line is an error for that line only.
 */
export function readJsonLines(text: string, name: string, baseId: string): ReadResult[] {
  const out: ReadResult[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const origin = `${name}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      out.push(err("input_malformed", `${origin}: line ${i + 1} is not valid JSON (${(e as Error).message})`, origin, { line: i + 1 }));
      return;
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
      out.push(err("input_malformed", `${origin}: line ${i + 1} is not a JSON object`, origin, { line: i + 1 }));
      return;
    }
    const o = obj as Record<string, unknown>;
    const id = str(o.id) ?? (typeof o.id === "number" ? String(o.id) : undefined) ?? `${baseId}:${i + 1}`;
    let input: AnalyzeInput;
    if (str(o.text)) input = { id, text: String(o.text).trim() };
    else if (str(o.html)) {
      input = readHtmlPage(String(o.html), id).input;
      if (!input.text) {
        out.push(err("input_empty", `${origin}: line ${i + 1} has HTML with no article text`, origin, { line: i + 1 }));
        return;
      }
    } else {
      out.push(err("input_malformed", `${origin}: line ${i + 1} has no "text" or "html" field`, origin, { line: i + 1 }));
      return;
    }
    const title = str(o.title);
    if (title) input.title = title;
    const url = str(o.url);
    if (url) input.url = url;
    const published = str(o.published) ?? str(o.date);
    if (published) input.published = published;
    const source = str(o.source) ?? str(o.outlet);
    if (source) input.outlet = source;
    if (Array.isArray(o.authors)) input.authors = o.authors.filter((a): a is string => typeof a === "string");
    const language = str(o.language) ?? str(o.lang);
    if (language) input.language = language;
    out.push(ok({ origin, input }));
  });
  if (out.length === 0) out.push(err("input_empty", `${name}: no JSON lines`, name));
  return out;
}
