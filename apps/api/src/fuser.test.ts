import type { IngestItemResult, RawInput, StoreEvent } from "@newsfuse/store";
import { describe, expect, it } from "vitest";
import { StoryFuser } from "./fuser.ts";
import { LOOPBACK, buildApp, override, seedRewrite as rewrite, useSeededStore } from "./test-support.ts";

const { store } = useSeededStore();

const raw = (n: number): RawInput => ({
  body: new TextEncoder().encode(rewrite(n)),
  contentType: "text/plain",
  origin: `rewrite-${n}.txt`,
});
const seedStory = async () => (await store.listStories({ q: "Lavrov" })).items[0].id;
const articlesOf = async (storyId: string) => (await store.getStory(storyId))!.articles.map((a) => a.id);

describe("background fusion", () => {
  it("a write returns at commit; once the fuser has run, GET /v1/stories/{id} holds the new article", async () => {
    const { api, fuser } = buildApp(store, { fuseDelayMs: 300 });
    const storyId = await seedStory();
    const init = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "joins-seed", text: rewrite(1) }),
    };
    const posted = await api.request("/v1/articles", init, LOOPBACK);
    expect(posted.status).toBe(201);
    expect((posted.body.results[0] as Extract<IngestItemResult, { storyId: string | null }>).storyId).toBe(storyId);
    await api.request(`/v1/stories/${encodeURIComponent(storyId)}`); // into the read cache, which the fusion must empty
    await fuser.idle();
    const story = await api.request(`/v1/stories/${encodeURIComponent(storyId)}`);
    expect(story.body.articles.map((a: { id: string }) => a.id)).toContain("joins-seed");
    expect(await store.fuseDirty()).toBe(0);
    await fuser.close();
  });

  it("tells of a story only once it is fused, and writes that come while it waits share one run", async () => {
    const storyId = await seedStory();
    let runs = 0;
    const fuser = new StoryFuser(override(store, { fuseDirty: () => (runs++, store.fuseDirty()) }), () => {}, {
      delayMs: 60_000,
      maxDelayMs: 60_000,
    });
    // What a reader asking on each event would get: the event must not come before the record has the articles.
    const readOnEvent: Array<Promise<string[]>> = [];
    const events: StoreEvent[] = [];
    fuser.subscribe((e) => {
      events.push(e);
      if (e.type === "story.updated" && e.storyId === storyId) readOnEvent.push(articlesOf(e.storyId));
    });
    const results = [
      ...(await store.ingest([raw(2)], { fuse: "defer" })),
      ...(await store.ingest([raw(3)], { fuse: "defer" })),
    ];
    const ids = results.map((r) => (r as { id: string }).id);
    expect(await articlesOf(storyId)).not.toContain(ids[1]);
    const aboutSeed = () => events.filter((e) => e.type !== "ingest.progress" && e.storyId === storyId);
    expect(events.filter((e) => e.type !== "ingest.progress")).toEqual([]);
    await fuser.close(); // the delayed run, due in a minute, is done now
    expect(runs).toBe(1);
    expect(aboutSeed()).toEqual([{ type: "story.updated", storyId }]);
    expect(await readOnEvent[0]).toEqual(expect.arrayContaining(ids));
  });

  it("waits for a pause in writes, but under writes that never pause runs once the cap is reached", async () => {
    let emit: (e: StoreEvent) => void = () => {};
    const runs: number[] = [];
    const started = Date.now();
    const fake = override(store, {
      subscribe: (l: (e: StoreEvent) => void) => ((emit = l), () => {}),
      fuseDirty: async () => (runs.push(Date.now() - started), 1),
    });
    const fuser = new StoryFuser(fake, () => {}, { delayMs: 100, maxDelayMs: 400 });
    // A write every 20 ms for 700 ms: never a 100 ms pause.
    while (Date.now() - started < 700) {
      emit({ type: "story.updated", storyId: "s" });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]).toBeGreaterThanOrEqual(400);
    const during = runs.length;
    await fuser.idle(); // the pause after the last write
    expect(runs.length).toBe(during + 1);
    await fuser.close();
  });

  it("takes a store call that outlasts the delay for writing, not for a pause", async () => {
    let emit: (e: StoreEvent) => void = () => {};
    let runs = 0;
    let writing = true;
    const fake = override(store, {
      subscribe: (l: (e: StoreEvent) => void) => ((emit = l), () => {}),
      fuseDirty: async () => (runs++, 1),
    });
    const fuser = new StoryFuser(fake, () => {}, { delayMs: 30, maxDelayMs: 60_000, writing: () => writing });
    emit({ type: "story.updated", storyId: "s" });
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(0);
    writing = false;
    await fuser.idle();
    expect(runs).toBe(1);
    await fuser.close();
  });
});
