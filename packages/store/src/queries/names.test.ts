import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlStore } from "../sql-store.ts";
import { seedInputs } from "../../test/inputs.ts";
import { freshStores } from "../../test/backends.ts";
import { spokenBy, storyNames, wholeWordPattern } from "./names.ts";

describe("wholeWordPattern", () => {
  it("looks for the words in order, whatever the spacing, between word boundaries", () => {
    expect(wholeWordPattern(" sergei  lavrov ")).toBe("(^|[^[:alnum:]_])sergei\\s+lavrov($|[^[:alnum:]_])");
  });

  it("escapes what a regular expression would read as syntax, and gives up on a value with no word", () => {
    expect(wholeWordPattern("Mr. (Lavrov)")).toBe("(^|[^[:alnum:]_])Mr\\.\\s+\\(Lavrov\\)($|[^[:alnum:]_])");
    expect(wholeWordPattern(" .* ")).toBeNull();
  });
});

const backends = freshStores("names");

describe.each(backends)("name filters on the %s store (the seeds)", (_, open) => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await open();
    await store.ingest(seedInputs());
  });
  afterAll(() => store.close());

  const stories = async (value: string) =>
    (await store.db.selectFrom("stories as s").select("s.id").where(storyNames(value)).execute()).length;
  const speakers = async (value: string) =>
    (await store.db.selectFrom("quotes").select("speaker").where(spokenBy(value)).execute()).map((r) => r.speaker);

  it("finds the story of Antony Blinken and Sergey Lavrov by surname, alias, full name or id, in any case", async () => {
    for (const v of [
      "Blinken",
      "blinken",
      "Antony Blinken",
      "Lavrov",
      "LAVROV",
      "Sergei Lavrov",
      "Sergey Lavrov",
      "person:sergey-lavrov",
    ])
      expect(await stories(v), v).toBe(1);
  });

  it("does not take a part of a word, or a regular expression, for a name", async () => {
    for (const v of ["Lav", "linken", "Lavrov.*", ".*", "(", "Blinken Lavrov"]) expect(await stories(v), v).toBe(0);
  });

  it("finds Lavrov's quotes by his surname, and only his", async () => {
    const all = await speakers("Lavrov");
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => /lavrov/i.test(s ?? ""))).toBe(true);
    expect(await speakers("Lav")).toEqual([]);
    expect((await speakers("person:sergey-lavrov")).length).toBe(all.length);
  });
});
