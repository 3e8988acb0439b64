import type { Article } from "../schema/article.ts";
import type { DuplicateGroup } from "../schema/duplicate.ts";

/** STUB: exact, near and syndicated duplicate groups in a batch of analyzed articles. */
export function findDuplicates(_articles: Article[]): DuplicateGroup[] {
  return [];
}
