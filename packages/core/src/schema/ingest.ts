import { z } from "zod";
import { DuplicateKind } from "./duplicate.ts";

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty or only white space");

// ISO 8601 (a date, or a date-time with an optional zone) or RFC 2822 ("Tue, 1 Jul 2003 10:52:37 +0200").
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RFC_2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|Z)?$/i;

/** True for an ISO 8601 or RFC 2822 date that names a real day ("2024-02-30" does not). */
export function isArticleDate(s: string): boolean {
  const v = s.trim();
  if (ISO_8601.test(v)) {
    const [y, m, d] = v.slice(0, 10).split("-").map(Number);
    const day = new Date(Date.UTC(y!, m! - 1, d!));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m! - 1 && day.getUTCDate() === d;
  }
  return RFC_2822.test(v) && Number.isFinite(Date.parse(v));
}

const articleDate = z
  .string()
  .max(40)
  .refine(isArticleDate, "not a date: give ISO 8601 (2024-03-01, 2024-03-01T09:30:00Z) or RFC 2822");

const webUrl = z
  .string()
  .max(4000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an absolute http:// or https:// URL");

// Ids end up in URLs (/v1/articles/{id}) and file names of exports: letters, digits and . _ - : ~ only,
// starting with a letter or digit, so "../../etc/passwd" or an id with a slash cannot be stored.
const clientId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, "use letters, digits and . _ - : ~ (starting with a letter or digit)");

/** One article given to POST /v1/articles or /v1/analyze as JSON (or one NDJSON line). */
export const ArticleInput = z
  .object({
    text: nonBlank.optional(),
    html: nonBlank.optional(),
    id: clientId.optional(),
    title: z.string().max(1000).optional(),
    url: webUrl.optional(),
    published: articleDate.optional(),
    source: z.string().max(200).optional(),
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.html === undefined), {
    message: "give exactly one of `text` or `html`",
  });
export type ArticleInput = z.infer<typeof ArticleInput>;

/** The outcome of adding one input. */
export const IngestItemResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("created"), id: z.string(), storyId: z.string().nullable() }),
  z.object({
    status: z.literal("duplicate"),
    id: z.string(),
    duplicateOf: z.string(),
    kind: DuplicateKind,
    storyId: z.string().nullable(),
  }),
  z.object({ status: z.literal("known"), id: z.string() }),
  z.object({ status: z.literal("error"), input: z.string(), code: z.string(), message: z.string() }),
]);
export type IngestItemResult = z.infer<typeof IngestItemResult>;

export const IngestResponse = z.object({
  results: z.array(IngestItemResult),
  created: z.number().int(),
  duplicates: z.number().int(),
  known: z.number().int(),
  errors: z.number().int(),
});
export type IngestResponse = z.infer<typeof IngestResponse>;
