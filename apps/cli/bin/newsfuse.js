#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build` or `npm start`). A checkout that was never
// built runs the TypeScript sources through tsx instead, which is slower to start but the same program.
import { existsSync } from "node:fs";

const dist = new URL("../dist/main.js", import.meta.url);
if (existsSync(dist)) await import(dist.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
