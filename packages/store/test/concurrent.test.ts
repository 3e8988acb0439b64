import { describe, expect, inject, it } from "vitest";
import { openStore } from "../src/open.ts";
import { createDatabase } from "../src/harness/postgres.ts";
import { allInputs, snapshot } from "./inputs.ts";
import { runChild } from "./child.ts";

async function snap(url: string) {
  const store = await openStore({ databaseUrl: url, workers: 0 });
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

describe("server store with concurrent ingest processes", () => {
  it("4 processes on different inputs give the stories and duplicate groups of one process", {
    timeout: 600_000,
  }, async () => {
    const single = await createDatabase(inject("pgUrl"), `single_${process.pid}`);
    await runChild(single, 4);
    const expected = await snap(single);
    expect(expected.counts.inputs).toBe(allInputs().length);
    expect(expected.groups.length).toBeGreaterThan(0);

    const shared = await createDatabase(inject("pgUrl"), `shared_${process.pid}`);
    const runs = await Promise.all([0, 1, 2, 3].map((k) => runChild(shared, 2, { part: `${k}/4` })));
    for (const r of runs) expect(r.code).toBe(0);
    const got = await snap(shared);
    expect(got.counts).toEqual(expected.counts);
    expect(got.articles).toEqual(expected.articles);
    expect(got.groups).toEqual(expected.groups);
    expect(got.stories).toEqual(expected.stories);
  });
});
