#!/usr/bin/env node
// Runs the TypeScript sources directly: internal packages export their src entry, so there is no build step.
import { register } from "tsx/esm/api";
register();
await import("../src/main.ts");
