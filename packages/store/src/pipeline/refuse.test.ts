import { describe, expect, it } from "vitest";
import type { SqlStore } from "../sql-store.ts";
import { fixtureInputs, seedInputs, seedVariant } from "../../test/inputs.ts";
import { freshStores } from "../../test/backends.ts";

const backends = freshStores("refuse");

/** Everything fusion wrote, without the write times. */
async function fused(store: SqlStore) {
  const db = store.db;
  const stories = await db
    .selectFrom("stories")
    .select([
      "id",
      "title",
      "span_from",
      "span_to",
      "article_count",
      "event_count",
      "quote_count",
      "discrepancy_count",
      "data",
    ])
    .orderBy("id")
    .execute();
  return {
    stories,
    storyEntities: await db
      .selectFrom("story_entities")
      .select(["story_id", "entity_id", "data"])
      .orderBy("story_id")
      .orderBy("entity_id")
      .execute(),
    entities: await db.selectFrom("entities").select(["id", "name", "type"]).orderBy("id").execute(),
    quotes: await db.selectFrom("quotes").select(["id", "story_id", "data"]).orderBy("id").execute(),
    events: await db.selectFrom("events").select(["id", "story_id", "data"]).orderBy("id").execute(),
    discrepancies: await db.selectFrom("discrepancies").select(["id", "story_id", "data"]).orderBy("id").execute(),
    articles: await db
      .selectFrom("articles as a")
      .leftJoin("article_fusion as f", "f.article_id", "a.id")
      .select(["a.id", "a.story_id", "f.event_id", "f.fused_published"])
      .orderBy("a.id")
      .execute(),
  };
}

describe.each(backends)("re-fusion on the %s backend", (_name, open) => {
  it("re-fusing from what it last wrote ends where one fusion of everything ends", async () => {
    const seeds = seedInputs();
    const more = fixtureInputs().slice(0, 12);
    const calls = [seeds.slice(0, 3), [...seeds.slice(3), ...more.slice(0, 6)], [seedVariant(0), ...more.slice(6)]];
    const whole = await open();
    const steps = await open();
    try {
      // The same inputs in the same calls (so the same stories): fused once at the end...
      for (const c of calls) await whole.ingest(c, { fuse: "defer" });
      await whole.fuseDirty();
      // ...and after every call, each re-fusion starting from what the one before wrote.
      for (const c of calls) await steps.ingest(c);
      const a = await fused(whole);
      const b = await fused(steps);
      expect(b.stories.length).toBeGreaterThan(1);
      expect(b.quotes.length).toBeGreaterThan(10);
      expect(b).toEqual(a);
    } finally {
      await whole.close();
      await steps.close();
    }
  });
});
