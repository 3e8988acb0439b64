import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { RawInput } from "@newsfuse/store";

const SEEDS = join(import.meta.dirname, "../../../seeds");

/** The five seed articles as the raw inputs `newsfuse ingest seeds/` would store. */
export function seedInputs(): RawInput[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => ({
      body: new Uint8Array(readFileSync(join(SEEDS, n))),
      contentType: "text/plain",
      origin: join("seeds", n),
    }));
}

/** Fifteen real, mutually distinct articles (ECB+ dev set, CC BY 3.0), for writes that must not dedup. */
export interface FixtureArticle {
  id: string;
  title: string;
  text: string;
}
export const fixtureArticles: FixtureArticle[] = readFileSync(
  join(import.meta.dirname, "fixtures/articles.jsonl"),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l));
