import { z } from "zod";

export const DuplicateKind = z.enum(["exact", "near", "syndicated"]);
export type DuplicateKind = z.infer<typeof DuplicateKind>;

/** Similarity evidence for one pair of members. */
export const DuplicatePair = z.object({
  a: z.string(),
  b: z.string(),
  jaccard: z.number(),
  /** |A ∩ B| / min(|A|, |B|): high when one copy is a trimmed or extended version of the other. */
  containment: z.number(),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

/** A group of copies of one text. Every member is kept; nothing is dropped for being a duplicate. */
export const DuplicateGroup = z.object({
  id: z.string(),
  kind: DuplicateKind,
  articles: z.array(z.string()).min(2),
  /** The likely original: earliest date, then wire agency, then longest text. */
  original: z.string(),
  /** The lowest pairwise similarity inside the group (1 for exact copies). */
  similarity: z.number(),
  pairs: z.array(DuplicatePair),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;
