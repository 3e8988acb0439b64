import { describe, expect, it } from "vitest";
import { isChrome, isEdgeFragment, isProse, isTeaserHeading } from "./boilerplate.ts";

describe("isChrome", () => {
  it.each([
    "Related Articles",
    "Back to top button",
    "RELATED",
    "Be the first to comment",
    "leave a reply:",
    "Sign up to get an email from reporter Ryan Grim when he publishes a new story.",
    "Subscribe to HuffPost’s politics podcast here.",
    "Advertisement",
    "Share this article",
    "We use cookies to improve your experience on our site.",
    "© 2021 Reuters. All rights reserved.",
    "Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
    "Read more: Blinken warns Russia over Ukraine",
    "A version of this article appears in print on Dec. 3, 2021, Section A, Page 8 of the New York edition with the headline: Blinken Warns Russia Over Ukraine.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Follow Humeyra Pamuk on Twitter: @humeyra_pamuk",
    "Have a tip? Send it to tips@example.com.",
  ])("removes %s", (line) => expect(isChrome(line)).toBe(true));

  it.each([
    "Comments on the bill were due Friday.",
    "Related talks are expected in Vienna next week, officials said.",
    "Blinken shared his concerns with Lavrov directly.",
    "Copyright lawsuits surged in 2020.",
    "The next article of the treaty bans deployments.",
    "Follow the money, investigators said on Friday.",
    "Contact with Moscow was cut on Thursday, officials said.",
  ])("keeps the sentence %s", (line) => expect(isChrome(line)).toBe(false));
});

describe("isEdgeFragment / isProse", () => {
  it("tells page fragments from sentences", () => {
    expect(isEdgeFragment("Back to top button")).toBe(true);
    expect(isEdgeFragment("Anton Troianovski contributed reporting from Moscow.")).toBe(false);
    expect(isEdgeFragment("“I’ve been absolutely clear with President Putin”")).toBe(false);
    expect(isProse("Mr. Blinken downplayed the call.")).toBe(true);
    expect(isProse("OSCE meeting in Stockholm")).toBe(false);
  });
});

describe("isChrome: headlines with a label are not chrome", () => {
  it.each([
    "WATCH: Edward Snowden's SXSW Appearance",
    "VIDEO: Game Of Thrones season 4 trailer is EPIC",
    "Video: Carl Sagan Recalls How Bensonhurst Upbringing Sparked Love Of Science",
  ])("keeps %s", (line) => expect(isChrome(line)).toBe(false));
  it("still removes photo credits", () => {
    expect(isChrome("Photo: Jonathan Nackstrand / AFP")).toBe(true);
    expect(isChrome("Image credit: Getty Images")).toBe(true);
  });
});

describe("isTeaserHeading", () => {
  it("recognises headings of teaser blocks", () => {
    expect(isTeaserHeading("More Great WIRED Stories")).toBe(true);
    expect(isTeaserHeading("Related Articles")).toBe(true);
    expect(isTeaserHeading("More stories are expected to emerge")).toBe(false);
  });
  it("removes community promos", () => {
    expect(
      isChrome(
        "Join our Space Forums to keep talking space on the latest missions, night sky and more! And if you have a news tip, correction or comment, let us know at: community@space.com.",
      ),
    ).toBe(true);
  });
});
