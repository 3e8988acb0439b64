import { rmSync } from "node:fs";
import { connect } from "node:net";
import { openStore, type Store } from "@newsfuse/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureArticles, override, seedRewrite, seededDir, seededStore } from "./test-support.ts";
import type { LogEntry } from "./context.ts";
import { startServer } from "./server.ts";

/** Sends raw bytes over a socket and returns the first status line the server answers with. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => s.write(bytes));
    let buf = "";
    s.on("data", (d) => {
      buf += d.toString("latin1");
      if (buf.includes("\r\n")) {
        s.destroy();
        resolve(buf.split("\r\n")[0]);
      }
    });
    s.on("error", reject);
    s.on("close", () => resolve(buf.split("\r\n")[0]));
    s.setTimeout(5000, () => s.destroy(new Error("timeout")));
  });
}

describe("the real server on loopback", () => {
  let store: Store;
  let closed = false;
  let slowGate: (() => void) | null = null;
  const logs: LogEntry[] = [];
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    const real = await seededStore();
    store = override(real, {
      // A search that waits for the test to release it: an in-flight request during shutdown.
      search: async (q: string, limit?: number) => {
        if (q === "slow") await new Promise<void>((r) => (slowGate = r));
        return real.search(q, limit);
      },
      close: async () => {
        closed = true;
        await real.close();
      },
    });
    server = await startServer({ store, port: 0, host: "127.0.0.1", logger: (e) => logs.push(e) });
  });
  afterAll(() => server.close({ graceMs: 100 }));

  it("answers HTTP on an ephemeral loopback port with JSON and a request id", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${server.url}/v1/stories`);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-request-id")).toBeTruthy();
    expect((await r.json()).items.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.msg === "request" && l.path === "/v1/stories" && l.client === "127.0.0.1")).toBe(true);
  });

  it("accepts a write from loopback over real HTTP", async () => {
    const r = await fetch(`${server.url}/v1/articles`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: fixtureArticles[11].text,
    });
    expect(r.status).toBe(201);
  });

  it("answers malformed HTTP with 400 and stays up", async () => {
    expect(await rawRequest(server.port, "GARBAGE\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(server.port, "GET /v1/stories HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")).toMatch(
      /^HTTP\/1\.1 400/,
    );
    expect(await rawRequest(server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toBe(
      "HTTP/1.1 200 OK",
    );
  });

  it("shuts down gracefully: finishes the in-flight request, refuses new ones, closes the store", async () => {
    const inFlight = fetch(`${server.url}/v1/search?q=slow`);
    while (!slowGate) await new Promise((r) => setTimeout(r, 10));
    const closing = server.close({ graceMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    slowGate!();
    const r = await inFlight;
    expect(r.status).toBe(200);
    await closing;
    expect(closed).toBe(true);
    expect(logs.some((l) => l.msg === "stopped")).toBe(true);
  });
});

describe("a clean stop", () => {
  it("fuses what the last writes left dirty before closing the store", async () => {
    const dir = seededDir();
    try {
      const store = await openStore({ dataDir: dir, workers: 0 });
      const storyId = (await store.listStories({ q: "Lavrov" })).items[0].id;
      // Fusion would wait a minute: only the stop itself can fuse this write's story.
      const server = await startServer({
        store,
        port: 0,
        config: { fuseDelayMs: 60_000, fuseMaxDelayMs: 60_000 },
        logger: () => {},
      });
      const r = await fetch(`${server.url}/v1/articles`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: "last-write", text: seedRewrite(9) }),
      });
      expect((await r.json()).results[0]).toMatchObject({
        status: expect.stringMatching(/created|duplicate/),
        storyId,
      });
      await server.close();
      const reopened = await openStore({ dataDir: dir, workers: 0 });
      try {
        expect((await reopened.getStory(storyId))!.articles.map((a) => a.id)).toContain("last-write");
        expect(await reopened.fuseDirty()).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
