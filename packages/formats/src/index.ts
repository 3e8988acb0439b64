import { err, ok, type AnalyzeInput, type NewsfuseError, type Result } from "@newsfuse/core";

/** One article's worth of input read from bytes, with where it came from. */
export interface ReadItem {
  /** File path, "path#item-3" for a feed item, "path:12" for a JSON Lines line, or a URL. */
  origin: string;
  input: AnalyzeInput;
}
export type ReadResult = Result<ReadItem, NewsfuseError>;

/**
 * Turns the bytes of one input (text, HTML, feed, JSON Lines ...) into analyze inputs.
 * One body can hold many articles (a feed, a JSON Lines dump); each gets its own result.
 * STUB: plain UTF-8 text only.
 */
export function parseBytes(body: Uint8Array, opts: { name: string; contentType?: string }): ReadResult[] {
  if (body.length === 0) return [err("input_empty", `${opts.name}: file is empty`, opts.name)];
  if (body.includes(0)) return [err("input_binary", `${opts.name}: binary data, not text`, opts.name)];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return [err("input_encoding", `${opts.name}: not valid UTF-8`, opts.name)];
  }
  if (!text.trim()) return [err("input_empty", `${opts.name}: only white space`, opts.name)];
  const id = opts.name.split(/[\\/]/).pop() ?? opts.name;
  return [ok({ origin: opts.name, input: { id, text } })];
}
