import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "../cluster/derive-sample.fixture.ts";
import type { DuplicateGroup } from "../schema/duplicate.ts";
import { findDuplicates } from "./dedup.ts";

// Snapshot of the groups the reference (all-pairs) dedup finds: faster code must find the same groups.
// UPDATE_GOLDEN=1 rewrites it, for a change that means to alter dedup (say so in the commit).
const goldenFile = join(import.meta.dirname, "../../fixtures/derive-sample.duplicates.expected.json");
const update = process.env.UPDATE_GOLDEN === "1";

// The 150 articles with bodies (originals and perturbed copies) and 150 headlines, in id order as
// the store's ingest passes its pool.
const sample = loadDeriveSample();
const pool = [...sample.slice(0, 150), ...sample.slice(150, 300)].sort((x, y) =>
  x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
);

describe("findDuplicates golden output on the derive sample", () => {
  it("finds the same groups, pairs, similarities and originals as the snapshot", () => {
    const groups = findDuplicates(pool);
    expect(groups.length).toBeGreaterThan(40);
    if (update) writeFileSync(goldenFile, `${JSON.stringify(groups, null, 1)}\n`);
    else expect(groups).toEqual(JSON.parse(readFileSync(goldenFile, "utf8")) as DuplicateGroup[]);
  });
});
