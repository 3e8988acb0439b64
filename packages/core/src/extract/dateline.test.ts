import { describe, expect, it } from "vitest";
import { parseDateline } from "./dateline.ts";

describe("parseDateline", () => {
  it.each([
    ["GENEVA (AP) — U.S. Secretary of State Antony Blinken warned Friday", "GENEVA", "AP"],
    ["RIGA, Latvia - Secretary of State Antony Blinken will meet this week", "RIGA, Latvia", null],
    ["WASHINGTON — Secretary of State Antony J. Blinken said on Thursday", "WASHINGTON", null],
    ["(Reuters) – U.S. Secretary of State Antony Blinken warned Moscow", null, "Reuters"],
    ["NEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary Clinton", "NEW YORK", "UPI"],
    ["TRENTON, N.J. (AP) — Was that really Chris Christie", "TRENTON, N.J.", "AP"],
    ["STOCKHOLM, Dec 2 (Reuters) - Blinken warned", "STOCKHOLM", "Reuters"],
    ["Stockholm (Reuters) - Blinken warned", "Stockholm", "Reuters"],
    ["Dec 29 (Reuters) - U.S. Democratic presidential candidate Hillary Clinton", null, "Reuters"],
  ])("reads %s", (para, place, agency) => {
    expect(parseDateline(para)).toMatchObject({ place, agency });
  });

  it("measures the prefix so callers can find where the sentence starts", () => {
    const p = "GENEVA (AP) — U.S. Secretary";
    expect(p.slice(parseDateline(p)!.length)).toBe("U.S. Secretary");
  });

  it.each([
    "U.S. Secretary of State Antony Blinken is meeting with Russian Foreign Minister Sergey Lavrov in Geneva.",
    "NATO — the alliance — met in Riga.",
    "UPDATE: Talks continue.",
    "Blinken said - and Lavrov agreed - that talks would go on.",
    "“The best-case scenario… is that we don’t see the Soviet Union invade Ukraine.”",
  ])("finds no dateline in %s", (para) => {
    expect(parseDateline(para)).toBeNull();
  });
});
