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
      out.push(
        err("input_malformed", `${origin}: line ${i + 1} is not valid JSON (${(e as Error).message})`, origin, {
          line: i + 1,
        }),
      );
      return;
    }
    out.push(readRecord(obj, origin, `line ${i + 1}`, `${baseId}:${i + 1}`, { line: i + 1 }));
  });
  if (out.length === 0) out.push(err("input_empty", `${name}: no JSON lines`, name));
  return out;
}

/** A JSON array of the same records (a common export format), saved as `.json`. */
export function readJsonArray(text: string, name: string, baseId: string): ReadResult[] {
  let arr: unknown;
  try {
    arr = JSON.parse(text);
  } catch (e) {
    return [err("input_malformed", `${name}: not valid JSON (${(e as Error).message})`, name)];
  }
  if (!Array.isArray(arr)) return [err("input_malformed", `${name}: expected a JSON array of articles`, name)];
  if (arr.length === 0) return [err("input_empty", `${name}: the array is empty`, name)];
  return arr.map((obj, i) =>
    readRecord(obj, `${name}#item-${i + 1}`, `item ${i + 1}`, `${baseId}#${i + 1}`, { item: i + 1 }),
  );
}

function readRecord(
  obj: unknown,
  origin: string,
  where: string,
  fallbackId: string,
  detail: Record<string, number>,
): ReadResult {
  if (!obj || typeof obj !== "object" || Array.isArray(obj))
    return err("input_malformed", `${origin}: ${where} is not a JSON object`, origin, detail);
  const o = obj as Record<string, unknown>;
  const id = str(o.id) ?? (typeof o.id === "number" ? String(o.id) : undefined) ?? fallbackId;
  let input: AnalyzeInput;
  if (str(o.text)) input = { id, text: String(o.text).trim() };
  else if (str(o.html)) {
    input = readHtmlPage(String(o.html), id).input;
    if (!input.text) return err("input_empty", `${origin}: ${where} has HTML with no article text`, origin, detail);
  } else return err("input_malformed", `${origin}: ${where} has no "text" or "html" field`, origin, detail);
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
  return ok({ origin, input });
}
