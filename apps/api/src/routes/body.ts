import type { Context } from "hono";
import { ApiFailure, type ErrorDetail } from "../errors.ts";
import { ArticleInput } from "../schemas.ts";

export const JSON_TYPES = new Set(["application/json"]);
export const NDJSON_TYPES = new Set([
  "application/x-ndjson",
  "application/jsonl",
  "application/jsonlines",
  "application/x-jsonlines",
]);
export const TEXT_TYPES = new Set(["text/plain", "text/html"]);

/** The media type without parameters, lower-cased ("text/html; charset=utf-8" -> "text/html"). */
export function mediaType(c: Context): string {
  return (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

export function requireType(c: Context, accepted: Set<string>[]): string {
  const t = mediaType(c);
  if (!accepted.some((s) => s.has(t))) {
    const list = accepted.flatMap((s) => [...s]).join(", ");
    throw new ApiFailure(
      "unsupported_media_type",
      `Content-Type ${t ? `"${t}"` : "(none)"} is not accepted here; send one of: ${list}.`,
      [{ path: "header.content-type", message: `expected one of ${list}` }],
    );
  }
  return t;
}

export async function readBytes(c: Context): Promise<Uint8Array> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    throw new ApiFailure("input_empty", "The request body is empty.", [{ path: "body", message: "empty" }]);
  return bytes;
}

export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiFailure("input_encoding", `The ${where} is not valid UTF-8.`, [
      { path: where, message: "not valid UTF-8" },
    ]);
  }
}

/** Parses and validates one JSON article; returns the problems instead when it is not one. */
export function parseArticleJson(
  text: string,
  where: string,
): { ok: true; value: ArticleInput } | { ok: false; details: ErrorDetail[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, details: [{ path: where, message: `not JSON (${(e as Error).message})` }] };
  }
  const parsed = ArticleInput.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    details: parsed.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join("."),
      message: i.code === "unrecognized_keys" ? `unknown field: ${i.keys.join(", ")}` : i.message,
    })),
  };
}
