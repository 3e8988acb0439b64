export {};
// `npm run bench -- <name> [flags]`: each benchmark lives in its own module exporting `run(argv)`.
const benches: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  analyze: () => import("./analyze.ts"),
  quotes: () => import("./quotes.ts"),
  ner: () => import("./ner.ts"),
  extraction: () => import("./extraction.ts"),
  clustering: () => import("./clustering.ts"),
  derive: () => import("./derive.ts"),
  scale: () => import("./scale.ts"),
  ingest: () => import("./ingest.ts"),
  api: () => import("./api.ts"),
  fuse: () => import("./fuse.ts"),
  big: () => import("./big.ts"),
  startup: () => import("./startup.ts"),
  tui: () => import("./tui.ts"),
  web: () => import("./web.ts"),
};

const [benchName, ...rest] = process.argv.slice(2);
const load = benchName ? benches[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join("|")}> [flags]`);
  process.exit(2);
}
await (await load()).run(rest);
