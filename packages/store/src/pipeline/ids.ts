import { createHash } from "node:crypto";

/** Content hash of a raw input: its identity, so the same bytes ingested twice are recognised. */
export function contentHash(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** A short stable id fragment for derived records (story, quote, event ids), so reruns give the same ids. */
export function shortHash(s: string, len = 12): string {
  return createHash("sha1").update(s).digest("hex").slice(0, len);
}

/** Global entity id: one per (type, name) across the store. */
export function entityKey(type: string, name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  return `${type}:${slug || shortHash(name, 8)}`;
}
