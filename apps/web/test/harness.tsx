import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "@newsfuse/api";
import { createClient } from "@newsfuse/client";
import { openStore, type Store } from "@newsfuse/store";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { cleanup, render } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { ClientContext, type DashboardClient } from "../src/lib/client.ts";
import { LiveEvents } from "../src/lib/live.tsx";
import { makeRouter } from "../src/router.tsx";

/** Requests from the in-process app count as loopback, so writes need no key (as on `newsfuse serve`). */
const LOOPBACK = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

export interface Seeded {
  store: Store;
  client: DashboardClient;
  app: ReturnType<typeof createApp>;
}

/**
 * For one test file: a private copy of the seeded store, the real API over it in process and the real
 * client over that (`fetch: (req) => app.fetch(req)`): no mock of the API anywhere.
 */
export function useSeededClient(): Seeded {
  const box = {} as Seeded & { dir: string; shutdown: AbortController };
  beforeAll(async () => {
    box.dir = mkdtempSync(join(tmpdir(), "newsfuse-web-test-"));
    cpSync(inject("seededTemplate"), box.dir, { recursive: true });
    box.store = await openStore({ dataDir: box.dir, workers: 0 });
    box.shutdown = new AbortController();
    box.app = createApp({
      store: box.store,
      clock: Date.now,
      config: { rateLimit: null, fuseDelayMs: 20 },
      shutdown: box.shutdown.signal,
      dashboard: false,
    });
    box.client = createClient({
      baseUrl: "http://newsfuse.test",
      fetch: (req) => box.app.fetch(req as Request, LOOPBACK),
    });
  });
  afterEach(() => cleanup());
  afterAll(async () => {
    box.shutdown.abort();
    await box.store.close();
    rmSync(box.dir, { recursive: true, force: true });
  });
  return box;
}

/** The whole dashboard at `path`, as the browser runs it, over the seeded client. */
export function renderAt(client: DashboardClient, path: string, opts: { live?: boolean } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const history = createMemoryHistory({ initialEntries: [path] });
  const router = makeRouter({ queryClient, client }, history);
  const tree = (
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={client}>
        {opts.live ? (
          <LiveEvents>
            <RouterProvider router={router} />
          </LiveEvents>
        ) : (
          <RouterProvider router={router} />
        )}
      </ClientContext.Provider>
    </QueryClientProvider>
  );
  return { ...render(tree), router, queryClient };
}
