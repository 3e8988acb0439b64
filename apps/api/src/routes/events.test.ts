import { describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { StoryFuser } from "../fuser.ts";
import { LOOPBACK, buildApp, fixtureArticles, useSeededStore } from "../test-support.ts";

const { store } = useSeededStore();

/** Reads SSE frames from a response body until `stop` says enough. */
async function readEvents(res: Response, stop: (events: { event: string; data: string; id?: string }[]) => boolean) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string; id?: string }[] = [];
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
      const id = /^id: (.*)$/m.exec(frame)?.[1];
      if (event) events.push({ event, data: data ?? "", ...(id ? { id } : {}) });
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

  it("replays the events a client missed after its Last-Event-ID, and tells it to reset when they are gone", async () => {
    const { app, fuser } = buildApp(store);
    const post = (i: number) =>
      app.request(
        "/v1/articles",
        { method: "POST", headers: { "content-type": "text/plain" }, body: fixtureArticles[i].text },
        LOOPBACK,
      );
    const first = new AbortController();
    const res1 = await app.request("/v1/events", { signal: first.signal });
    const posted = post(11);
    const one = await readEvents(res1, (ev) => ev.some((e) => e.event.startsWith("story.")));
    expect((await posted).status).toBe(201);
    const lastSeen = one.events[one.events.length - 1]!.id!;
    expect(lastSeen).toMatch(/^[0-9a-z]+-\d+$/);
    first.abort();
    await one.reader.cancel().catch(() => {});

    // Written while nobody listens.
    expect((await post(12)).status).toBe(201);
    await fuser.idle();

    const second = new AbortController();
    const res2 = await app.request("/v1/events", { signal: second.signal, headers: { "Last-Event-ID": lastSeen } });
    const two = await readEvents(res2, (ev) => ev.some((e) => e.event.startsWith("story.")));
    expect(two.events[0]!.event).toBe("ready");
    const replayed = two.events.slice(1);
    expect(replayed.map((e) => e.event)).toContain("ingest.progress");
    const seq = (id: string) => Number(id.split("-")[1]);
    expect(replayed.every((e) => seq(e.id!) > seq(lastSeen))).toBe(true);
    second.abort();
    await two.reader.cancel().catch(() => {});

    const third = new AbortController();
    const res3 = await app.request("/v1/events", { signal: third.signal, headers: { "Last-Event-ID": "otherrun-3" } });
    const three = await readEvents(res3, (ev) => ev.length >= 2);
    expect(three.events.map((e) => e.event)).toEqual(["ready", "reset"]);
    third.abort();
    await three.reader.cancel().catch(() => {});
    await fuser.close();
  });
});
