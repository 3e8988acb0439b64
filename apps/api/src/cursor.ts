import { createHash } from "node:crypto";
import { ApiFailure } from "./errors.ts";

// The store's cursors are wrapped with a checksum so a garbled or hand-made cursor is answered with a
// clear 400 here instead of reaching the database as an arbitrary string.
const tag = (s: string) => createHash("sha256").update("newsfuse-cursor\0").update(s).digest("base64url").slice(0, 10);

export function encodeCursor(storeCursor: string | null): string | null {
  return storeCursor === null ? null : `${Buffer.from(storeCursor, "utf8").toString("base64url")}.${tag(storeCursor)}`;
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const m = /^([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{10})$/.exec(cursor);
  const inner = m ? Buffer.from(m[1], "base64url").toString("utf8") : null;
  if (inner === null || tag(inner) !== m![2])
    throw new ApiFailure("bad_request", "Invalid cursor: pass back the nextCursor of a previous page unchanged.", [
      { path: "query.cursor", message: "not a cursor issued by this API" },
    ]);
  return inner;
}
