export * from "./entities.ts";
export * from "./quotes.ts";
export * from "./numbers.ts";
