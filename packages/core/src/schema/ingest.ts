import { z } from "zod";
import { DuplicateKind } from "./duplicate.ts";

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty or only white space");

/** One article given to POST /v1/articles or /v1/analyze as JSON (or one NDJSON line). */
export const ArticleInput = z
  .object({
    text: nonBlank.optional(),
    html: nonBlank.optional(),
    id: z.string().min(1).max(200).optional(),
    title: z.string().max(1000).optional(),
    url: z.string().max(4000).optional(),
    published: z.string().max(40).optional(),
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
