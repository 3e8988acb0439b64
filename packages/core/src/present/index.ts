// Text renderings of core records for terminals: pure functions from records to strings, no I/O and
// nothing of the pipeline, so the CLI and the terminal UI print the same lines.
export * from "./article.ts";
export * from "./stats.ts";
export * from "./story.ts";
export * from "./text.ts";
