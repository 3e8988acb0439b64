import { z } from "zod";

/** One page of a cursor-paginated list. Pass `nextCursor` back as `cursor` for the next page; null on the last. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
