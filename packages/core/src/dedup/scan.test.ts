import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "../cluster/derive-sample.fixture.ts";
import { hash64Hex, hashString } from "./hash.ts";
import { scanText } from "./scan.ts";
import { dedupWords } from "./shingles.ts";

const seedDir = join(import.meta.dirname, "../../../../seeds");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(seedDir, f), "utf8"));

// scanText must give exactly what dedupEntry used to compute from the words of dedupWords.
function expectSameAsWords(text: string): void {
  const words = dedupWords(text);
  const scanned = scanText(text);
  expect(scanned.words).toBe(words.length);
  expect([...scanned.wordHashes]).toEqual(words.map((w) => hashString(w)));
  expect(scanned.exact).toBe(hash64Hex(words.join(" ")));
}

describe("scanText", () => {
  it("gives the word hashes, word count and exact key of dedupWords on the seeds and every derive sample text", () => {
    for (const t of seeds) expectSameAsWords(t);
    for (const a of loadDeriveSample()) expectSameAsWords(a.body || (a.title ?? ""));
  });

  it("splits, trims apostrophes and folds characters as dedupWords does on awkward text", () => {
    const cases = [
      "Russia’s “serious costs,” he said.",
      "'quoted' ''double'' 'tis rock'n'roll ‘single’ `tick` ´acute´ ʼmodifierʼ",
      "ＦＵＬＬＷＩＤＴＨ ﬁne ① ² İstanbul ΣΑΣ straße Ǆ",
      "emoji 😀 math 𝐀𝐁𝐂 lone \ud800 surrogate \udc00 end 𝟙𝟚",
      "Zürich, São Paulo — 東京 and Москва; ١٢٣ digits",
      "   ",
      "",
      "x",
    ];
    for (const t of cases) expectSameAsWords(t);
  });
});
