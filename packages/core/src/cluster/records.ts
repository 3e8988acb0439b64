import { err, ok, type Result } from "../errors.ts";
import type { StoryItem } from "./stories.ts";

/** One line of a clustering JSON Lines file (bench/clustering and bench/stream format). */
export interface ClusterRecord {
  id: string;
  title: string;
  text: string;
  url: string | null;
  published: string | null;
  source: string | null;
  /** Gold cluster, when the file carries one. */
  cluster: string | null;
}

const optionalString = (v: unknown) => v === undefined || v === null || typeof v === "string";

/**
 * Parses one JSON Lines record; the error names the input and line and says what is wrong.
 * @example parseClusterRecord('{"id":"a","title":"Hi"}', "in.jsonl", 1) // { ok: true, value: { id: "a", ... } }
 */
export function parseClusterRecord(line: string, input: string, lineNo: number): Result<ClusterRecord> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return err("input_malformed", `${input}:${lineNo}: not valid JSON (${(e as Error).message})`, `${input}:${lineNo}`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return err("input_malformed", `${input}:${lineNo}: expected a JSON object per line`, `${input}:${lineNo}`);
  }
  const o = v as Record<string, unknown>;
  if (typeof o.id !== "string" || o.id.length === 0) {
    return err("input_malformed", `${input}:${lineNo}: missing "id" (a non-empty string)`, `${input}:${lineNo}`);
  }
  for (const f of ["title", "text", "url", "published", "source"]) {
    if (!optionalString(o[f]))
      return err("input_malformed", `${input}:${lineNo}: "${f}" must be a string or null`, `${input}:${lineNo}`);
  }
  const title = (o.title as string | null | undefined) ?? "";
  const text = (o.text as string | null | undefined) ?? "";
  if (!title.trim() && !text.trim()) {
    return err("input_empty", `${input}:${lineNo}: record "${o.id}" has neither title nor text`, `${input}:${lineNo}`);
  }
  const published = (o.published as string | null | undefined) ?? null;
  if (published !== null && Number.isNaN(Date.parse(published))) {
    return err(
      "input_malformed",
      `${input}:${lineNo}: "published" is not a date: ${JSON.stringify(published)}`,
      `${input}:${lineNo}`,
    );
  }
  const cluster = o.cluster === undefined || o.cluster === null ? null : String(o.cluster);
  return ok({
    id: o.id,
    title,
    text,
    url: (o.url as string | null | undefined) ?? null,
    published,
    source: (o.source as string | null | undefined) ?? null,
    cluster,
  });
}

/**
 * The light story item of a record: title, text, url and time, no full analysis (fit for 350k headlines).
 * @example storyItemFromRecord(record).time // 1394409600000 for "2014-03-10T00:00:00Z"
 */
export function storyItemFromRecord(r: ClusterRecord): StoryItem {
  return { id: r.id, title: r.title, text: r.text, url: r.url, time: r.published ? Date.parse(r.published) : null };
}
