import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@newsfuse/store";
import { afterAll, beforeAll, inject } from "vitest";
import { openApiChecker } from "../test/openapi.ts";
import { createApp, fuserOptions } from "./app.ts";
import { IngestQueue } from "./ingest-queue.ts";
import { ApiConfig, type ApiConfigInput } from "./config.ts";
import type { LogEntry } from "./context.ts";
import { StoryFuser } from "./fuser.ts";
import { seedInputs } from "../test/seeds.ts";

/** What every API test file needs, from one place: seeded stores, apps whose answers are checked, fixtures. */
export { LOOPBACK, REMOTE, fromAddress } from "../test/openapi.ts";
export { fixtureArticles, seedInputs } from "../test/seeds.ts";

/** A rewrite of a seed (new headline, one more paragraph): it joins the seed story, which then needs re-fusing. */
export function seedRewrite(n: number): string {
  const seed = new TextDecoder().decode(seedInputs()[3].body);
  return (
    seed.replace(/^[^\n]+/, `Update ${n}: Blinken and Lavrov trade warnings over Ukraine in Stockholm`) +
    `\n\nThe ministers are to meet again, officials said (update ${n}).\n`
  );
}

/** A private copy of the seeded template directory global-setup built (the caller removes it). */
export function seededDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-api-test-"));
  cpSync(inject("seededTemplate"), dir, { recursive: true });
  return dir;
}

/** A real embedded store holding the five seeds, in its own directory, removed when the store closes. */
export async function seededStore(): Promise<Store> {
  const dir = seededDir();
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

/**
 * The app over `store` (rate limit off unless configured), its logs, its background fuser (await
 * `fuser.idle()` to read fused stories) and `api`: app.request with every answer checked against the
 * app's OpenAPI document.
 */
export function buildApp(store: Store, config: ApiConfigInput = {}) {
  const clock = manualClock();
  const logs: LogEntry[] = [];
  const logger = (e: LogEntry) => void logs.push(e);
  const full = { rateLimit: null, ...config };
  const ingestQueue = new IngestQueue(store, logger);
  const fuser = new StoryFuser(store, logger, fuserOptions(ApiConfig.parse(full), ingestQueue));
  const app = createApp({ store, clock, config: full, logger, fuser, ingestQueue });
  return { app, clock, logs, fuser, api: openApiChecker(app) };
}

/** Forwards to whatever `current()` is when called, so a value built in beforeAll can be taken at import. */
function late<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what} is only there inside tests (it is built in beforeAll)`);
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/**
 * For one test file: a private seeded store, opened before its tests and closed after them.
 * `const { store } = useSeededStore()` at the top of the file.
 */
export function useSeededStore(): { store: Store } {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store?.close());
  return { store: late(() => store, "the seeded store") };
}

/**
 * For one test file: a private seeded store and one app over it (`config` as for buildApp).
 * `const { store, api } = useSeededApi()` at the top of the file.
 */
export function useSeededApi(config: ApiConfigInput = {}) {
  let built: (ReturnType<typeof buildApp> & { store: Store }) | undefined;
  beforeAll(async () => {
    const store = await seededStore();
    built = { store, ...buildApp(store, config) };
  });
  // The fuser first: its last run must not meet a closed store.
  afterAll(async () => {
    await built?.fuser.close();
    await built?.store.close();
  });
  const part = <K extends keyof NonNullable<typeof built>>(k: K) =>
    late(() => built?.[k] as (NonNullable<typeof built>[K] & object) | undefined, `the seeded app's ${String(k)}`);
  return { store: part("store"), api: part("api"), app: part("app"), fuser: part("fuser") };
}
