import { describe, expect, it } from "vitest";
import { isCaption, isKickerShape } from "./captions.ts";

describe("isCaption", () => {
  it.each([
    "U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov smile as they greet each other during a meeting of the Organization for Security and Cooperation in Europe, Stockholm, Sweden December 2, 2021. Jonathan Nackstrand / Pool via REUTERS",
    "Scott Olson via Getty Images.",
    "Secretary of State Antony Blinken speaks in Berlin. (AP Photo/Alex Brandon)",
    "FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow, Russia.",
    "Russian service members drive tanks during drills in the Rostov region. REUTERS/Sergey Pivovarov",
  ])("recognises %s", (line) => expect(isCaption(line)).toBe(true));

  it.each([
    "Reuters reported that Blinken and Lavrov met for 40 minutes.",
    "The photo was taken by a pool photographer, officials said.",
    "(Reuters) – U.S. Secretary of State Antony Blinken warned Moscow of “the costs” Russia would have to pay.",
  ])("keeps %s", (line) => expect(isCaption(line)).toBe(false));
});

describe("isKickerShape", () => {
  it("accepts 003's kicker and rejects sentences", () => {
    expect(isKickerShape("OSCE meeting in Stockholm")).toBe(true);
    expect(isKickerShape("Blinken said the talks were candid and useful for both sides.")).toBe(false);
  });
});

describe("isCaption: source credits", () => {
  it("takes a short unpunctuated line ending in 'via <Source>' for a caption", () => {
    expect(isCaption("16-inch MacBook Pro's new scissor switch keyboard via iFixit")).toBe(true);
    expect(isCaption("The documents were sent via email")).toBe(false);
    expect(isCaption("Blinken said the message was passed via Swiss diplomats.")).toBe(false);
  });
});
