import { z } from "@hono/zod-openapi";
import { decodeCursor, encodeCursor } from "../cursor.ts";

// PostgreSQL text cannot hold NUL, and no id or query needs control characters: refuse them here with
// a 400 rather than let the database fail on them.
const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

// Bounds on every free-text parameter keep a hostile query string from becoming an expensive scan.
export const text = (what: string) => printable(500).optional().openapi({ description: what });
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a calendar date");

export const pageParams = {
  cursor: z.string().min(1).max(2000).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "Page size, 1..200 (default 50).", example: 50 }),
};

export const IdParam = (what: string) =>
  z.object({ id: printable(300).openapi({ param: { name: "id", in: "path" }, description: `The ${what} id.` }) });

/** Store page -> API page: the store's cursor is wrapped so it cannot be forged by accident. */
export function toPage<T>(page: { items: T[]; nextCursor: string | null }) {
  return { items: page.items, nextCursor: encodeCursor(page.nextCursor) };
}
export function pageQuery<Q extends { cursor?: string }>(q: Q): Q {
  return { ...q, cursor: decodeCursor(q.cursor) };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
