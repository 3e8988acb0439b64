import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { RawInput, Store } from "@newsfuse/store";
import { createApp } from "../src/app.ts";
import type { ApiConfigInput } from "../src/config.ts";
import type { LogEntry } from "../src/context.ts";
import { fakeStore } from "./fake-store.ts";
import { openApiChecker } from "./openapi.ts";

const SEEDS = join(import.meta.dirname, "../../../seeds");

/** The five seed articles as the raw inputs `newsfuse ingest seeds/` would store. */
export function seedInputs(): RawInput[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => ({ body: new Uint8Array(readFileSync(join(SEEDS, n))), contentType: "text/plain", origin: join("seeds", n) }));
}

export async function seededStore(): Promise<Store> {
  const store = fakeStore();
  await store.ingest(seedInputs());
  return store;
}

/** A stepping clock: tests move time explicitly, so rate limits never depend on the machine's speed. */
export function manualClock(start = Date.parse("2026-01-01T00:00:00Z")) {
  let t = start;
  const clock = () => t;
  clock.advance = (ms: number) => void (t += ms);
  return clock;
}

export function buildApp(store: Store, config: ApiConfigInput = {}) {
  const clock = manualClock();
  const logs: LogEntry[] = [];
  const app = createApp({ store, clock, config: { rateLimit: null, ...config }, logger: (e) => logs.push(e) });
  return { app, clock, logs, api: openApiChecker(app) };
}
