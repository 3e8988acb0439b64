// What store commands load when they open the store: imported with `await import("./open-store.ts")`,
// so PGlite, the database drivers and the ingest pipeline stay out of commands that never open it (and
// out of `stats` and `export` while a server holds the store). Named re-exports, not a dynamic import of
// the package itself, let the bundle keep the store's light parts (its lock reader) apart.
export { createProgress, openStore } from "@newsfuse/store";
