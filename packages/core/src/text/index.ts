export * from "./normalize.ts";
export * from "./split.ts";
