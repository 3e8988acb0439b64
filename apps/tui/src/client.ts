import type { NewsfuseClient } from "@newsfuse/client";

/** The calls of `@newsfuse/client` the TUI makes; tests pass the real client, in process. */
export type TuiClient = Pick<
  NewsfuseClient,
  "listStories" | "getStoryBundle" | "getArticle" | "getEntity" | "search" | "events" | "listSources"
>;
