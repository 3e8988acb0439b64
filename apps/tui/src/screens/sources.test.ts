import { describe, expect, it } from "vitest";
import { intervalLabel, sourcesLines, timeLabel } from "./sources.ts";
import { lineText } from "./lines.ts";

describe("sources lines", () => {
  it("says how to subscribe when there is no feed", () => {
    expect(sourcesLines([], 80).map(lineText).join("\n")).toContain("newsfuse sources add");
  });

  it("shows a feed never fetched as such, with its URL to open", () => {
    const lines = sourcesLines(
      [
        {
          id: "src_1",
          url: "https://example.org/rss",
          title: null,
          addedAt: "2026-12-03T12:00:00.000Z",
          addedBy: "api",
          state: {
            lastFetchAt: null,
            lastStatus: null,
            httpStatus: null,
            itemsSeen: 0,
            nextPollAt: "2026-12-03T12:00:00.000Z",
            intervalSeconds: 3600,
            failures: 0,
            lastError: null,
          },
        },
      ],
      100,
    );
    const text = lines.map(lineText).join("\n");
    expect(text).toMatch(/● https:\/\/example\.org\/rss · not fetched yet/);
    expect(text).toMatch(/last fetch never · next poll 2026-12-03 12:00Z · every 1 h/);
    expect(lines.find((l) => l.url)?.url).toBe("https://example.org/rss");
  });

  it("labels times in UTC to the minute and intervals in the largest whole unit", () => {
    expect(timeLabel("2026-12-03T14:20:59+01:00")).toBe("2026-12-03 13:20Z");
    expect(intervalLabel(45)).toBe("every 45 s");
    expect(intervalLabel(90)).toBe("every 90 s");
    expect(intervalLabel(900)).toBe("every 15 min");
    expect(intervalLabel(7200)).toBe("every 2 h");
  });
});
