// The public surface of @newsfuse/core. Each area owns its own barrel file.
export * from "./errors.ts";
export * from "./random.ts";
export * from "./schema/index.ts";
export * from "./analyze.ts";
export * from "./clean/index.ts";
export * from "./extract/index.ts";
export * from "./ner/index.ts";
export * from "./dedup/index.ts";
export * from "./cluster/index.ts";
export * from "./fuse/index.ts";
export * from "./present/index.ts";
