export * from "./article.ts";
export * from "./duplicate.ts";
export * from "./story.ts";
