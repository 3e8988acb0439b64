import { describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { StoryFuser } from "../fuser.ts";
import { LOOPBACK, buildApp, fixtureArticles, useSeededStore } from "../test-support.ts";

const { store } = useSeededStore();

/** Reads SSE frames from a response body until `stop` says enough. */
async function readEvents(res: Response, stop: (events: { event: string; data: string }[]) => boolean) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buf = "";
  while (!stop(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event) events.push({ event, data: data ?? "" });
    }
  }
  return { events, reader };
}

describe("GET /v1/events", () => {
  it("streams ingest progress and story events caused by a POST", async () => {
    const { app } = buildApp(store);
    const controller = new AbortController();
    const res = await app.request("/v1/events", { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = fixtureArticles[10].text;
    const posted = app.request(
      "/v1/articles",
      { method: "POST", headers: { "content-type": "text/plain" }, body: text },
      LOOPBACK,
    );
    const { events, reader } = await readEvents(
      res,
      (ev) => ev.some((e) => e.event === "ingest.progress") && ev.some((e) => e.event.startsWith("story.")),
    );
    expect((await posted).status).toBe(201);
    expect(events[0].event).toBe("ready");
    const progress = events.find((e) => e.event === "ingest.progress")!;
    expect(JSON.parse(progress.data)).toMatchObject({ type: "ingest.progress", failed: 0 });
    expect(events.some((e) => e.event === "story.created" || e.event === "story.updated")).toBe(true);
    controller.abort();
    await reader.cancel().catch(() => {});
  });

  it("ends open streams when the server shuts down, and unsubscribes", async () => {
    // Streams listen to the fuser (story events come once the story is fused), so count its listeners.
    const fuser = new StoryFuser(store, () => {});
    let subscribers = 0;
    const subscribe = fuser.subscribe.bind(fuser);
    fuser.subscribe = (l) => {
      subscribers++;
      const off = subscribe(l);
      return () => {
        subscribers--;
        return off();
      };
    };
    const shutdown = new AbortController();
    const app = createApp({ store, clock: Date.now, config: { rateLimit: null }, shutdown: shutdown.signal, fuser });
    const baseline = subscribers;
    const res = await app.request("/v1/events");
    const reader = res.body!.getReader();
    await reader.read(); // the `ready` frame
    expect(subscribers).toBe(baseline + 1);
    shutdown.abort();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(subscribers).toBe(baseline);
    await fuser.close();
  });
});
