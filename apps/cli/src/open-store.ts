// What store commands load when they open the store: imported with `await import("./open-store.ts")`,
// so PGlite, the database drivers and the ingest pipeline stay out of commands that never open it (and
// out of `stats` and `export` while a server holds the store). The store's own entries, not its index: the
// bundler gives every module the index names (the analysis pool among them) the chunks of whoever imports
// it, so importing the index would load the whole pipeline with the store.
export { openStore } from "@newsfuse/store/open";
export { createProgress } from "@newsfuse/store/progress";
