export { fuse } from "./fuse.ts";
export { fuseStory, type FusedStory, type FuseStoryOptions } from "./story.ts";
export { resolveEntities, type EntityResolution } from "./entities.ts";
export { groupQuotes, quoteOccasion, quotesBySpeaker, type SpeakerQuotes } from "./quotes.ts";
export { groupNumbers } from "./numbers.ts";
export { buildTimeline, effectiveDate, type Timeline } from "./timeline.ts";
export { parsePersonName, translitKey, firstNamesCompatible } from "./names.ts";
