import { describe, expect, it } from "vitest";
import { commandFor, KEYMAP, keyName, splitKeys } from "./keymap.ts";

describe("key map", () => {
  it("binds every key at most once per scope, so one key never means two things on one screen", () => {
    const seen = new Map<string, string>();
    for (const b of KEYMAP)
      for (const k of b.keys) {
        const id = `${b.scope}:${k}`;
        expect(seen.get(id), `${id} bound to ${seen.get(id)} and ${b.command}`).toBeUndefined();
        seen.set(id, b.command);
      }
  });

  it("gives every binding a description for the help screen", () => {
    for (const b of KEYMAP) expect(b.description.length).toBeGreaterThan(3);
  });

  it("maps the vim keys and arrows to movement", () => {
    expect(commandFor("j", "stories", false)).toBe("down");
    expect(commandFor("down", "article", false)).toBe("down");
    expect(commandFor("k", "story", false)).toBe("up");
    expect(commandFor("g", "story", false)).toBe("top");
    expect(commandFor("G", "story", false)).toBe("bottom");
    expect(commandFor("C-d", "article", false)).toBe("halfDown");
    expect(commandFor("C-u", "article", false)).toBe("halfUp");
  });

  it("opens with Enter or l, goes back with Esc or h, q closes and Q quits", () => {
    expect(commandFor("enter", "stories", false)).toBe("open");
    expect(commandFor("l", "stories", false)).toBe("open");
    expect(commandFor("esc", "story", false)).toBe("back");
    expect(commandFor("h", "story", false)).toBe("back");
    expect(commandFor("q", "story", false)).toBe("close");
    expect(commandFor("Q", "article", false)).toBe("quit");
  });

  it("switches tabs only on the story screen", () => {
    expect(commandFor("tab", "story", false)).toBe("nextTab");
    expect(commandFor("S-tab", "story", false)).toBe("prevTab");
    expect(commandFor("5", "story", false)).toBe("tab5");
    expect(commandFor("5", "stories", false)).toBeNull();
  });

  it("never turns typed letters into commands while a prompt is open, except Ctrl-C", () => {
    for (const ch of "jkqQgGnNsy/?bor") expect(commandFor(ch, "stories", true)).toBeNull();
    expect(commandFor("enter", "story", true)).toBe("promptSubmit");
    expect(commandFor("esc", "story", true)).toBe("promptCancel");
    expect(commandFor("backspace", "story", true)).toBe("promptErase");
    expect(commandFor("C-c", "story", true)).toBe("forceQuit");
  });

  it("names Ink's key flags the way the map writes keys", () => {
    expect(keyName("", { upArrow: true })).toBe("up");
    expect(keyName("", { tab: true, shift: true })).toBe("S-tab");
    expect(keyName("d", { ctrl: true })).toBe("C-d");
    expect(keyName("\r", { return: true })).toBe("enter");
    expect(keyName("G", { shift: true })).toBe("G");
  });

  it("splits a burst of characters into one key each", () => {
    expect(splitKeys("jj", {})).toEqual([
      { name: "j", input: "j" },
      { name: "j", input: "j" },
    ]);
    expect(splitKeys("/ab\r", {}).map((k) => k.name)).toEqual(["/", "a", "b", "enter"]);
    expect(splitKeys("", { escape: true })).toEqual([{ name: "esc", input: "" }]);
  });

  it("reads Esc followed at once by a key (Meta+key to the terminal) as the two keys", () => {
    expect(splitKeys("5", { meta: true })).toEqual([
      { name: "esc", input: "" },
      { name: "5", input: "5" },
    ]);
  });
});
