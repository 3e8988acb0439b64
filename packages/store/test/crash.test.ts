import { describe, expect, inject, it } from "vitest";
import { openStore } from "../src/open.ts";
import { emptyStoreDirs } from "./template.ts";
import { createDatabase } from "../src/harness/postgres.ts";
import { allInputs, snapshot } from "./inputs.ts";
import { runChild } from "./child.ts";

const freshDir = emptyStoreDirs("newsfuse-crash-");

const open = (target: string) =>
  openStore(
    target.startsWith("postgres")
      ? { databaseUrl: target, workers: 0 }
      : { dataDir: target, databaseUrl: "", workers: 0 },
  );

/** A store is consistent when every article has its raw input and story, and counts agree. */
async function expectConsistent(target: string) {
  const store = await open(target);
  try {
    const orphans = await store.db
      .selectFrom("articles as a")
      .leftJoin("raw_inputs as r", "r.content_hash", "a.raw_hash")
      .leftJoin("stories as s", "s.id", "a.story_id")
      .select("a.id")
      .where((eb) => eb.or([eb("r.content_hash", "is", null), eb("s.id", "is", null)]))
      .execute();
    expect(orphans).toEqual([]);
    const counts = await store.db
      .selectFrom("stories as s")
      .select([
        "s.id",
        "s.article_count",
        (eb) =>
          eb
            .selectFrom("articles")
            .select((e) => e.fn.countAll<string>().as("n"))
            .whereRef("articles.story_id", "=", "s.id")
            .as("actual"),
      ])
      .execute();
    // A story changed by a committed batch may still wait for re-fusion (marked dirty): its count can lag.
    const dirty = new Set(
      (await store.db.selectFrom("dirty_stories").select("story_id").execute()).map((r) => r.story_id),
    );
    for (const c of counts) if (!dirty.has(c.id)) expect(Number(c.actual)).toBe(c.article_count);
    const raws = await store.db
      .selectFrom("raw_inputs as r")
      .select([
        "r.content_hash",
        "r.article_count",
        (eb) =>
          eb
            .selectFrom("articles")
            .select((e) => e.fn.countAll<string>().as("n"))
            .whereRef("articles.raw_hash", "=", "r.content_hash")
            .as("actual"),
      ])
      .execute();
    for (const r of raws) expect(Number(r.actual)).toBe(r.article_count);
    return (await store.stats()).inputs;
  } finally {
    await store.close();
  }
}

async function snap(target: string) {
  const store = await open(target);
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

const targets: Array<[string, (name: string) => Promise<string>]> = [
  ["embedded", async () => freshDir()],
  ["server", async (name) => createDatabase(inject("pgUrl"), `${name}_${process.pid}`)],
];

describe.each(targets)("%s store under kill -9", (_backend, target) => {
  it("stays consistent, and rerunning the ingest gives the result of an uninterrupted run", {
    timeout: 600_000,
  }, async () => {
    const total = allInputs().length;
    const reference = await target("crash_ref");
    await runChild(reference, 4);
    const expected = await snap(reference);
    expect(expected.counts.inputs).toBe(total);

    const crashed = await target("crash_run");
    // First kill: right after a batch committed.
    const first = await runChild(crashed, 4, { killAfter: (l) => l === "batch 8" });
    expect(first.signal).toBe("SIGKILL");
    const afterFirst = await expectConsistent(crashed);
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(total);
    // Second kill: a moment after the next commit, inside the following batch's work.
    const second = await runChild(crashed, 4, {
      killAfter: (l) => (l.startsWith("batch ") && Number(l.slice(6)) > afterFirst + 4 ? 150 : false),
    });
    expect(second.signal).toBe("SIGKILL");
    const afterSecond = await expectConsistent(crashed);
    expect(afterSecond).toBeLessThan(total);
    // Rerun to the end.
    const last = await runChild(crashed, 4);
    expect(last.code).toBe(0);
    expect(last.out).toContain('"known"');
    await expectConsistent(crashed);
    expect(await snap(crashed)).toEqual(expected);
    expect(expected.dirty).toBe(0);
  });
});
