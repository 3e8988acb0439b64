export * from "./article.ts";
export * from "./duplicate.ts";
export * from "./story.ts";
export * from "./source.ts";
