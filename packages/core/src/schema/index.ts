// The browser-safe entry `@newsfuse/core/schema`: zod and the schema files only, nothing of the pipeline.
export * from "./article.ts";
export * from "./bundle.ts";
export * from "./duplicate.ts";
export * from "./errors.ts";
export * from "./events.ts";
export * from "./ingest.ts";
export * from "./page.ts";
export * from "./story.ts";
export * from "./summaries.ts";
export * from "./source.ts";
