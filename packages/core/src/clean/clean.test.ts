import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanText } from "./clean.ts";

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url)), "utf8");

describe("cleanText", () => {
  it("splits 003's page header into headline, kicker, caption, date and byline", () => {
    const c = cleanText(seed("003_6c04b11d307fba50.txt"));
    expect(c.headline).toBe("Blinken confronts Russia’s Lavrov over Ukraine, warns of ‘serious costs’");
    expect(c.removed.slice(0, 5).map((r) => r.reason)).toEqual(["headline", "headline", "kicker", "caption", "date"]);
    expect(c.dates).toMatchObject([{ iso: "2021-12-02" }]);
    expect(c.bylines).toEqual([{ authors: ["Humeyra Pamuk", "Johan Ahlander"], agency: null }]);
    expect(c.aggregator).toBe(true);
    expect(c.dateline).toMatchObject({ place: null, agency: "Reuters" });
  });

  it("keeps one title for a headline printed twice (001) and reads the page date", () => {
    const c = cleanText(seed("001_57e72f795a792d39.txt"));
    expect(c.headline).toBe("Top U.S., Russian diplomats to meet amid Ukraine showdown");
    expect(c.body).not.toContain("Top U.S., Russian diplomats to meet amid Ukraine showdown");
    expect(c.dates).toMatchObject([{ iso: "2024-04-19", weekday: "Friday" }]);
  });

  it("finds no headline in 002, whose first line is the story's first sentence", () => {
    const c = cleanText(seed("002_b662277d12457799.txt"));
    expect(c.headline).toBeNull();
    expect(c.body.startsWith("GENEVA (AP) —")).toBe(true);
    expect(c.removed.map((r) => r.text)).toEqual(["RELATED", "RELATED", "Be the first to comment"]);
  });

  it("drops NBSP-only paragraphs and keeps agency material credits in the body (004)", () => {
    const c = cleanText(seed("004_96b30b9797db3545.txt"));
    expect(c.body).not.toMatch(/\u00a0/);
    expect(c.body).not.toMatch(/\n{3,}/);
    expect(c.body.endsWith("Some material in this report came from the Associated Press.")).toBe(true);
    expect(c.materialFrom).toEqual(["AP"]);
  });

  it("joins kept paragraphs with one blank line", () => {
    expect(cleanText("Headline Here Today\n\nFirst sentence of the story.\nSecond paragraph of the story.").body).toBe(
      "First sentence of the story.\n\nSecond paragraph of the story.",
    );
  });

  it("takes a first line ending in a period for the headline when a dateline opens the story below it", () => {
    // Shape of the quotes dev set: headline with a period, blank line, AP dateline.
    const c = cleanText(
      "Sanders wins Democrats Abroad global primary.\n\nWASHINGTON (AP) — Bernie Sanders has scored a big win.\n\nMore text follows here.",
    );
    expect(c.headline).toBe("Sanders wins Democrats Abroad global primary.");
    expect(c.dateline).toMatchObject({ place: "WASHINGTON", agency: "AP" });
  });

  it("keeps a one-sentence-per-line text whole when no headline is printed (clustering dev shape)", () => {
    const text =
      "Authorities have released the name of a 66-year-old woman who was struck and killed by a motorist.\nPolice identified the victim on Thursday.\nThe woman was pronounced dead at HCMC.";
    const c = cleanText(text);
    expect(c.headline).toBeNull();
    expect(c.body.split("\n\n")).toHaveLength(3);
  });

  it("removes a metadata title's copy from the text but not a first sentence equal to it", () => {
    expect(
      cleanText("Navy foils pirate attack\n\nThe navy foiled an attack on Friday.", {
        title: "Navy foils pirate attack",
      }).body,
    ).toBe("The navy foiled an attack on Friday.");
    const sentence = "The navy foiled a pirate attack in the Gulf of Aden on Friday, officials said.";
    expect(cleanText(`${sentence}\nThe ship was unharmed.`, { title: sentence }).body.startsWith(sentence)).toBe(true);
  });

  it("removes short fragments after the story but keeps a sentence that lost its period", () => {
    const c = cleanText(
      "Lead sentence of the story is here.\n\nProducts also include shampoo, conditioner, therapeutic lotion and soap\n\nShare this:",
    );
    expect(c.body).toContain("Products also include shampoo");
    expect(c.body).not.toContain("Share this");
  });

  it("removes lines the batch found recurring", () => {
    const c = cleanText("Lead sentence of the story is here.\n\nFollow the latest Ukraine coverage in our live blog", {
      recurring: new Set(["follow the latest ukraine coverage in our live blog"]),
    });
    expect(c.removed).toEqual([{ text: "Follow the latest Ukraine coverage in our live blog", reason: "recurring" }]);
  });

  it("keeps footer dates apart from the header date", () => {
    const c = cleanText(
      "A headline for the story\n\nThe story begins here with a sentence.\n\nSaturday, December 19, 2015.",
    );
    expect(c.dates).toEqual([]);
    expect(c.footerDates).toMatchObject([{ iso: "2015-12-19" }]);
  });
});

describe("cleanText: teaser blocks", () => {
  it("removes a block of teaser links under a heading at the end", () => {
    const c = cleanText(
      "A headline for the story\n\nThe story begins here with a first sentence that is long enough to be prose.\n\nMore Great WIRED Stories\n\nPaid political ads are not the problem. Our perceptions are\n\nCould an astronaut lost in space use gravity to get around?",
    );
    expect(c.body).toBe("The story begins here with a first sentence that is long enough to be prose.");
  });
  it("keeps the story after a RELATED marker inside it (002)", () => {
    const c = cleanText(
      "GENEVA (AP) — Blinken warned Friday.\nRELATED\nOn Thursday, Biden cautioned that Moscow would “pay a heavy price” for such an action.\nRussia has denied it is planning an invasion.",
    );
    expect(c.body).toContain("pay a heavy price");
    expect(c.body).toContain("Russia has denied");
  });
});

describe("cleanText: headline glued to the first paragraph", () => {
  it("splits it off at the dateline", () => {
    const c = cleanText(
      "Blinken Trades Warnings With Russia’s Lavrov Over Ukraine, NATO WASHINGTON — Secretary of State Antony J. Blinken said on Thursday that talks would go on.",
    );
    expect(c.headline).toBe("Blinken Trades Warnings With Russia’s Lavrov Over Ukraine, NATO");
    expect(c.body).toBe("WASHINGTON — Secretary of State Antony J. Blinken said on Thursday that talks would go on.");
    expect(c.dateline).toMatchObject({ place: "WASHINGTON" });
  });
  it("leaves a sentence with capitals and a dash alone", () => {
    const text =
      "Officials in Washington said the alliance, known as NATO — the North Atlantic Treaty Organization — would meet.";
    expect(cleanText(text).body).toBe(text);
  });
});

describe("cleanText: byline and date on one header line", () => {
  it("reads both", () => {
    const c = cleanText(
      "Scientists spot water vapor on distant moon\n\nBy Jane Doe | November 18, 2019 at 2:26 PM HST - Updated November 18, 2019 at 4:46 PM\n\nHONOLULU, Hawaii (HawaiiNewsNow) - Scientists used a telescope in Hawaii to spot water vapor.",
    );
    expect(c.bylines).toEqual([{ authors: ["Jane Doe"], agency: null }]);
    expect(c.dates.map((d) => [d.iso, d.kind])).toEqual([
      ["2019-11-18", "published"],
      ["2019-11-18", "modified"],
    ]);
    expect(c.removed.map((r) => r.reason)).toEqual(["headline", "byline"]);
  });
});
