import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@newsfuse/store";
import { inject } from "vitest";
import { createApp } from "../src/app.ts";
import type { ApiConfigInput } from "../src/config.ts";
import type { LogEntry } from "../src/context.ts";
import { openApiChecker } from "./openapi.ts";

export { fixtureArticles, seedInputs } from "./seeds.ts";

/** A real embedded store holding the five seeds: a private copy of the template global-setup built. */
export async function seededStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-api-test-"));
  cpSync(inject("seededTemplate"), dir, { recursive: true });
  const store = await openStore({ dataDir: dir, workers: 0 });
  const close = store.close.bind(store);
  return override(store, {
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The store with some methods replaced (to simulate failures or watch calls); the rest go to the store. */
export function override(store: Store, replaced: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, key) {
      if (Object.hasOwn(replaced, key)) return replaced[key as keyof Store];
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
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
