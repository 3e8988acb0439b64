import { LOOPBACK, useSeededApi } from "@newsfuse/api/test-support";
import { describe, expect, it } from "vitest";
import { ApiError, createClient } from "../src/index.ts";

const { app, store } = useSeededApi();
const client = () => createClient({ baseUrl: "http://newsfuse.test", fetch: (req) => app.fetch(req, LOOPBACK) });

describe("sources through the client", () => {
  it("lists a subscribed feed with its health, parsed with core's Source schema, and removes it", async () => {
    const c = client();
    expect((await c.listSources()).items).toEqual([]);
    const now = new Date("2026-01-05T10:00:00Z");
    const { source } = await store.sources.add(
      { url: "https://news.example/feed.xml", title: "Example News", addedBy: "cli" },
      { now, intervalSeconds: 900 },
    );
    await store.sources.recordPoll(source.id, {
      at: now,
      status: "error",
      httpStatus: 503,
      nextPollAt: new Date("2026-01-05T10:30:00Z"),
      intervalSeconds: 900,
      failures: 1,
      error: "HTTP 503 Service Unavailable",
      newItems: 0,
    });
    const [listed] = (await c.listSources()).items;
    expect(listed).toMatchObject({
      id: source.id,
      url: "https://news.example/feed.xml",
      title: "Example News",
      state: { lastStatus: "error", httpStatus: 503, failures: 1, lastError: "HTTP 503 Service Unavailable" },
    });
    await c.removeSource(source.id);
    expect((await c.listSources()).items).toEqual([]);
    const gone = await c.removeSource(source.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({ status: 404, code: "not_found" });
  });

  it("turns a refused subscription into an ApiError with the server's message", async () => {
    const err = await client()
      .addSource({ url: "ftp://example.org/feed" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message.length).toBeGreaterThan(0);
  });
});
