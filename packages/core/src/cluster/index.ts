export * from "./events.ts";
export * from "./stories.ts";
