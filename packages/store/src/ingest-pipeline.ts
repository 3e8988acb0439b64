// What the store needs only to write: analysis (the NER model, chrono-node, the HTML readers), dedup,
// story clustering and fusion, most of the store's code. The store imports this module on its first
// write or index load, so read-only uses (`newsfuse stats`, `export`, the API's reads) never evaluate it.
export { findDuplicates } from "@newsfuse/core";
export { DeriveState, LEDE_CHARS } from "./pipeline/state.ts";
export { deriveBatch, groupId, insertArticles, settleStories } from "./pipeline/derive.ts";
export { refuseStories, refuseStory, writeUnfused } from "./pipeline/refuse.ts";
export { jsTsvectorAgrees } from "./search/article-tsv.ts";
export { AnalyzePool } from "./pipeline/pool.ts";
export { signatureKeys } from "./pipeline/signature.ts";
