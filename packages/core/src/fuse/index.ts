export * from "./fuse.ts";
