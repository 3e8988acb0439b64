import type { Article } from "@newsfuse/core";
import { type Lru, readDoc } from "./docs.ts";
import { fusedRows, type FusedRows } from "./fused-rows.ts";

/** One story to fuse, as a worker receives it: its articles as encoded documents (docs.ts encodeDoc). */
export interface FuseJob {
  storyId: string;
  articles: Array<{ id: string; doc: string | Uint8Array }>;
  /** The story's article count (fusion may read only some of them). */
  count: number;
  updatedAt: string;
}

/**
 * Decodes and fuses one story. The decoded articles are kept: the pool sends a story to the same worker
 * every time, and a story re-fused after each batch is mostly the articles it had before.
 */
export function runFuseJob(job: FuseJob, decoded: Lru<Article>): FusedRows {
  const articles = job.articles.map(({ id, doc }) => {
    let a = decoded.get(id);
    if (!a) decoded.set(id, (a = readDoc(doc)));
    return a;
  });
  articles.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return fusedRows(job.storyId, articles, job.count, job.updatedAt);
}
