// Worker entry: Node 20 does not apply `--import tsx` to a worker's own entry file, so register tsx
// here and load the TypeScript worker through it (no build step, like the CLI's bin).
import { register } from "tsx/esm/api";
register();
await import(new URL("./analyze-worker.ts", import.meta.url).href);
