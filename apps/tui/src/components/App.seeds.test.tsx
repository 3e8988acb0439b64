/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlStore } from "@newsfuse/store";
import { seedRewrite, seedsClient, waitForFrame } from "../../test/seeds.ts";
import type { TuiClient } from "../client.ts";
import type { Route } from "../state/nav.ts";
import { App } from "./App.tsx";

let client: TuiClient;
let close: () => Promise<void>;
let store: SqlStore;
let storyId: string;

beforeAll(async () => {
  ({ client, close, store } = await seedsClient());
  // The seeds are one story (seeds spec); the most covered one is it.
  storyId = (await client.listStories({ sort: "covered" })).items[0]?.id as string;
}, 120_000);
afterAll(async () => close?.());

/** Renders the app at a fixed size; `press` writes keys one at a time and waits for the frame to change. */
function open(opts: { initial?: Route; width?: number; height?: number; noColor?: boolean } = {}) {
  const copied: string[] = [];
  let quit = false;
  const r = render(
    <App
      client={client}
      width={opts.width ?? 100}
      height={opts.height ?? 30}
      noColor={opts.noColor ?? false}
      onQuit={() => {
        quit = true;
      }}
      copy={(t) => copied.push(t)}
      {...(opts.initial ? { initial: opts.initial } : {})}
    />,
  );
  const wait = (want: Parameters<typeof waitForFrame>[1]) => waitForFrame(r.lastFrame, want);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      // Ink reads input on its next tick; give it one before the next key.
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  return { ...r, wait, press, copied, quit: () => quit };
}

const ENTER = "\r";
const ESC = "\x1b";
const TAB = "\t";

describe("story list", () => {
  it("lists the seeds' story with its counts and opens it with Enter", async () => {
    const t = open();
    const f = await t.wait("Blinken");
    expect(f).toMatch(/arts\s+orig\s+outl\s+evts\s+quot\s+disp/);
    expect(f).toMatch(/Blinken.*\s5\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+/);
    await t.press(ENTER);
    await t.wait("1 Overview");
    t.unmount();
  });

  it("cycles the sort with S and says which is in force", async () => {
    const t = open();
    await t.wait("sorted by newest");
    await t.press("S");
    await t.wait("sorted by most covered");
    t.unmount();
  });

  it("quits with q", async () => {
    const t = open();
    await t.wait("Blinken");
    await t.press("q");
    await new Promise((r) => setTimeout(r, 50));
    expect(t.quit()).toBe(true);
    t.unmount();
  });
});

describe("story tabs", () => {
  it("shows the events timeline with places, dates, participants and announcing articles", async () => {
    const t = open({ initial: { kind: "story", id: storyId } });
    const f = await t.wait("Events (");
    expect(f).toContain("meeting in Stockholm — Stockholm");
    expect(f).toMatch(/who: .*Antony Blinken/);
    expect(f).toMatch(/announced before it happened by: 001_57e7/);
    expect(f).toMatch(/independent origins?/);
    t.unmount();
  });

  it("groups sources by origin with their roles (Tab moves to the next tab)", async () => {
    const t = open({ initial: { kind: "story", id: storyId } });
    await t.wait("Events (");
    await t.press(TAB);
    const f = await t.wait("Duplicate groups");
    expect(f).toMatch(/Wire story \(AP\)/);
    expect(f).toMatch(/with material from .*004_96b3/);
    expect(f).toContain("Duplicate groups");
    t.unmount();
  });

  it("finds which outlets carried Biden's “minor incursion” with the live filter", async () => {
    const t = open({ initial: { kind: "story", id: storyId } });
    await t.wait("Events (");
    await t.press("3", "/", ..."minor incursion");
    const f = await t.wait("“minor incursion.” — Joe Biden");
    expect(f).toMatch(/carried by 2 articles: AP · 002_b662; 004_96b3/);
    expect(f).toContain("Joe Biden (");
    expect(f).not.toContain("Antony Blinken (");
    await t.press(ENTER);
    await t.wait(/^›\s+“minor incursion\.”/m);
    await t.press("y");
    await t.wait("copied:");
    expect(t.copied[0]).toMatch(/^“minor incursion\.” — Joe Biden \(AP · 002_b662; 004_96b3\)$/);
    t.unmount();
  });

  it("lists each source's figure and date per subject", async () => {
    const t = open({ initial: { kind: "story", id: storyId, tab: 3 } });
    const f = await t.wait("Russian troops:");
    expect(f).toMatch(/more than 90,000 troops\s+Reuters · 003_6c04\s+2021-12-02/);
    expect(f).toMatch(/nearly 100,000 Russian troops\s+001_57e7/);
    t.unmount();
  });

  it("puts the disagreeing troop figures side by side with sources, dates and sentences", async () => {
    const t = open({ initial: { kind: "story", id: storyId, tab: 4 }, height: 60 });
    const f = await t.wait((fr) => fr.includes("Russian troops (number)") && fr.includes("massed more than 90,000"));
    expect(f).toMatch(/more than 90,000\s+Reuters · 003_6c04\s+2021-12-02/);
    expect(f).toMatch(/nearly 100,000\s+001_57e7/);
    expect(f).toMatch(/more than 100,000\s+AP · 002_b662/);
    t.unmount();
  });

  it("shows both spellings of Lavrov's first name and 001's stated date against its content", async () => {
    const t = open({ initial: { kind: "story", id: storyId, tab: 4 }, height: 60 });
    await t.wait("Russian troops (number)");
    await t.press("/", ..."lavrov's");
    let f = await t.wait("spelling of Lavrov's first name");
    expect(f).toMatch(/Sergei\s+001_57e7/);
    expect(f).toMatch(/Sergey\s+000_05ad/);
    await t.press(ESC, ESC, "/", ..."stated date");
    f = await t.wait(/001_57e72f795a792d39\.txt stated date against its content/);
    expect(f).toMatch(/2024-04-19\s+001_57e7\s+2024-04-19/);
    expect(f).toMatch(/contradicts the text/);
    t.unmount();
  });

  it("lists people with roles and aliases and opens an entity", async () => {
    const t = open({ initial: { kind: "story", id: storyId, tab: 5 }, height: 60 });
    await t.wait("People (");
    await t.press("/", ..."Sergey Lavrov", ENTER);
    const f = await t.wait(/^›\s+Sergey Lavrov · \d+ articles/m);
    expect(f).toMatch(/Sergei Lavrov/);
    await t.press(ENTER);
    const e = await t.wait("Roles (");
    expect(e).toMatch(/Sergey Lavrov \(person\)/);
    expect(e).toContain("Stories (1)");
    t.unmount();
  });
});

describe("article reader", () => {
  it("opens at a quote, with the header's date conflict, quotes tagged with their speaker", async () => {
    const t = open({ initial: { kind: "article", id: "001_57e72f795a792d39.txt" } });
    const f = await t.wait("provenance:");
    expect(f).toContain("Top U.S., Russian diplomats to meet amid Ukraine showdown");
    expect(f).toMatch(/date: 2024-04-19/);
    expect(f).toMatch(/⚠ stated date 2024-04-19/);
    expect(f).toContain("dateline: RIGA, Latvia");
    expect(f).toContain("duplicate group: none");
    t.unmount();
  });

  it("tags quotes with their speaker and shows removed text with b", async () => {
    const t = open({ initial: { kind: "article", id: "000_05ad74a82993dd5c.txt" }, height: 200 });
    const f = await t.wait("pieces removed by cleaning");
    expect(f).toMatch(/\[Antony J\. Blinken\]/);
    await t.press("b");
    const g = await t.wait("[removed: boilerplate]");
    expect(g).toContain("[removed: headline] Blinken Trades Warnings");
    t.unmount();
  });

  it("goes from a figure to the sentence it came from in the article", async () => {
    const t = open({ initial: { kind: "story", id: storyId, tab: 3 } });
    await t.wait("Russian troops:");
    await t.press("/", ..."nearly 100,000", ENTER, "n", ENTER);
    // The reader opens scrolled to the figure, the cursor on its line.
    await t.wait(/^›.*nearly 100,000 Russian troops/m);
    t.unmount();
  });
});

describe("search and help", () => {
  it("searches articles, quotes and entities from the prompt", async () => {
    const t = open({ height: 120 });
    await t.wait("Blinken");
    await t.press("s", ..."Lavrov", ENTER);
    const f = await t.wait("People, organizations and places (");
    expect(f).toMatch(/Articles \(\d+\)/);
    expect(f).toMatch(/Sergey Lavrov/);
    t.unmount();
  });

  it("generates help from the key map", async () => {
    const t = open({ height: 80 });
    await t.wait("Blinken");
    await t.press("?");
    const f = await t.wait("Everywhere");
    expect(f).toMatch(/j ↓\s+move down/);
    expect(f).toMatch(/y\s+copy the selected quote/);
    expect(f).toMatch(/5\s+Disagreements/);
    await t.press("?");
    await t.wait("sorted by");
    t.unmount();
  });

  it("keeps the selection visible without colour", async () => {
    const t = open({ noColor: true });
    const f = await t.wait("Blinken");
    expect(f).toMatch(/^›Blinken/m);
    t.unmount();
  });

  it("fits 80×24: status bar and key hints on the last lines", async () => {
    const t = open({ width: 80, height: 24, initial: { kind: "story", id: storyId } });
    const f = await t.wait("Events (");
    const lines = f.split("\n");
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(lines[lines.length - 2]).toMatch(/Blinken Trades .* › Overview/);
    t.unmount();
  });
});

describe("live updates", () => {
  // Last: it adds an article to the shared store.
  it("marks a story updated by an ingest while the list is open, through the event stream", async () => {
    const t = open();
    await t.wait("Blinken");
    await new Promise((r) => setTimeout(r, 200));
    await store.ingest([seedRewrite()]);
    const f = await t.wait("● ");
    expect(f).toMatch(/● Blinken/);
    t.unmount();
  });
});

describe("sources screen", () => {
  // After the live update test's ingest, and last: it subscribes a feed in the shared store.
  it("shows no source count while nothing is subscribed", async () => {
    const t = open();
    const f = await t.wait("Blinken");
    expect(f).not.toMatch(/sources? \(F\)/);
    t.unmount();
  });

  it("opens with F from the story list: each feed's health, and the count in the status bar", async () => {
    const now = new Date("2026-12-03T12:00:00Z");
    const { source } = await store.sources.add(
      { url: "http://127.0.0.1:9/feed.xml", title: "Loopback wire", addedBy: "cli" },
      { now, intervalSeconds: 900 },
    );
    await store.sources.recordPoll(source.id, {
      at: new Date("2026-12-03T12:05:00Z"),
      status: "error",
      httpStatus: 503,
      nextPollAt: new Date("2026-12-03T12:35:00Z"),
      intervalSeconds: 1800,
      failures: 2,
      error: "HTTP 503 Service Unavailable",
      newItems: 3,
    });
    const t = open({ height: 40 });
    await t.wait("1 source (F)");
    await t.press("F");
    const f = await t.wait("Feeds (1, 1 failing)");
    expect(f).toMatch(/✗ Loopback wire · error · HTTP 503/);
    expect(f).toContain("http://127.0.0.1:9/feed.xml");
    expect(f).toMatch(/last fetch 2026-12-03 12:05Z · next poll 2026-12-03 12:35Z · every 30 min/);
    expect(f).toMatch(/3 items seen · 2 failures · added by cli 2026-12-03 12:00Z/);
    expect(f).toMatch(/last error: HTTP 503 Service Unavailable/);
    expect(f).toMatch(/Stories › Sources/);
    await t.press("q");
    await t.wait("sorted by");
    t.unmount();
  });
});
