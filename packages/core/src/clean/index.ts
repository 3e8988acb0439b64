// Cleaning: boilerplate, captions, kickers, headline copies, batch-recurring lines.
export * from "./boilerplate.ts";
export * from "./captions.ts";
export * from "./recurring.ts";
export * from "./clean.ts";
// The text utilities and the metadata readers have no barrel of their own in the public surface
// (core/src/index.ts and extract/index.ts belong to other areas), so they are exported from here.
export * from "../text/index.ts";
export * from "../extract/dateline.ts";
export * from "../extract/dates.ts";
export * from "../extract/credits.ts";
export * from "../extract/provenance.ts";
export * from "../extract/title.ts";
