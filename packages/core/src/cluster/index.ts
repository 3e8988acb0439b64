export * from "./events.ts";
export * from "./stories.ts";
export { contentWords, urlWords, stemWord, normalizeHeadline, STORY_STOPWORDS } from "./terms.ts";
export { bcubed, type ClusterScores } from "./bcubed.ts";
export { parseClusterRecord, storyItemFromRecord, type ClusterRecord } from "./records.ts";
