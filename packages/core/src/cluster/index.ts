export * from "./events.ts";
export * from "./stories.ts";
export { contentWords, urlWords, stemWord, normalizeHeadline, STORY_STOPWORDS } from "./terms.ts";
export { bcubed, type ClusterScores } from "./bcubed.ts";
export { parseClusterRecord, storyItemFromRecord, type ClusterRecord } from "./records.ts";
export {
  clusterStoriesAndEvents,
  eventActors,
  isHeadlineItem,
  HEADLINE_MAX_CHARS,
  isHeadlineText,
  representatives,
  PRINCIPAL_SHARE,
  type StoryAssignment,
  type AssignOptions,
} from "./assign.ts";
export { ATTACH_THRESHOLD } from "./assign.ts";
