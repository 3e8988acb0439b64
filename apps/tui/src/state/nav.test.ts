import { describe, expect, it } from "vitest";
import { type Action, current, type Frame, initialState, type NavState, reduce, type Route } from "./nav.ts";

const frame = (lines: number, extra: Partial<Frame> = {}): Frame => ({ lines, height: 10, ...extra });
const key = (name: string, f: Frame = frame(100), input = name.length === 1 ? name : ""): Action => ({
  type: "key",
  name,
  input,
  frame: f,
});
const keys = (s: NavState, names: string[], f?: Frame) => names.reduce((st, n) => reduce(st, key(n, f)), s);
const story: Route = { kind: "story", id: "story-1", title: "A story" };

describe("navigation reducer", () => {
  it("moves with j/k within the list and scrolls to keep the cursor visible", () => {
    let s = keys(initialState(), ["j", "j", "j"]);
    expect(current(s).cursor).toBe(3);
    s = keys(s, ["k"]);
    expect(current(s).cursor).toBe(2);
    s = keys(initialState(), Array(15).fill("j"));
    expect(current(s).cursor).toBe(15);
    expect(current(s).offset).toBe(6);
    s = keys(s, ["k", "k", "k", "k", "k", "k", "k", "k", "k", "k"]);
    expect(current(s).offset).toBe(5);
  });

  it("stops at both ends", () => {
    const s = keys(initialState(), ["k", "k"], frame(3));
    expect(current(s).cursor).toBe(0);
    expect(current(keys(s, ["j", "j", "j", "j"], frame(3))).cursor).toBe(2);
  });

  it("jumps with g/G and moves half a page with Ctrl-d/Ctrl-u", () => {
    let s = keys(initialState(), ["G"]);
    expect(current(s).cursor).toBe(99);
    expect(current(s).offset).toBe(90);
    s = keys(s, ["g"]);
    expect(current(s)).toMatchObject({ cursor: 0, offset: 0 });
    s = keys(s, ["C-d"]);
    expect(current(s)).toMatchObject({ cursor: 5, offset: 5 });
    s = keys(s, ["C-u"]);
    expect(current(s)).toMatchObject({ cursor: 0, offset: 0 });
  });

  it("opens the selected line's target with Enter and goes back with Esc, keeping the list position", () => {
    const lineAt = (i: number) => (i === 2 ? { target: story } : undefined);
    let s = keys(initialState(), ["j", "j"], frame(5, { lineAt }));
    s = reduce(s, key("enter", frame(5, { lineAt })));
    expect(current(s).route).toEqual(story);
    expect(s.stack).toHaveLength(2);
    s = keys(s, ["esc"]);
    expect(current(s)).toMatchObject({ route: { kind: "stories" }, cursor: 2 });
  });

  it("does nothing on Enter when the line opens nothing", () => {
    const s = reduce(initialState(), key("enter", frame(5, { lineAt: () => undefined })));
    expect(s.stack).toHaveLength(1);
  });

  it("quits with q on the story list but only goes back with q elsewhere; Esc never quits", () => {
    expect(keys(initialState(), ["esc", "h"]).quit).toBe(false);
    expect(keys(initialState(), ["q"]).quit).toBe(true);
    const inStory = keys(initialState(story), ["q"]);
    expect(inStory.quit).toBe(true);
    const deeper = reduce(initialState(), { type: "push", route: story });
    const back = keys(deeper, ["q"]);
    expect(back.quit).toBe(false);
    expect(current(back).route.kind).toBe("stories");
  });

  it("quits from anywhere with Q, and with Ctrl-C even while typing", () => {
    const deep = reduce(reduce(initialState(), { type: "push", route: story }), {
      type: "push",
      route: { kind: "article", id: "a" },
    });
    expect(keys(deep, ["Q"]).quit).toBe(true);
    expect(keys(deep, ["/", "C-c"]).quit).toBe(true);
  });

  it("switches story tabs with Tab, Shift-Tab (wrapping) and 1-6, resetting the cursor", () => {
    let s = keys(initialState(story), ["j", "tab"]);
    expect(current(s)).toMatchObject({ tab: 1, cursor: 0 });
    s = keys(s, ["S-tab", "S-tab"]);
    expect(current(s).tab).toBe(5);
    s = keys(s, ["3"]);
    expect(current(s).tab).toBe(2);
    expect(current(keys(initialState(), ["3"])).tab).toBe(0);
  });

  it("filters as you type: typed letters go to the filter, not to commands", () => {
    let s = keys(initialState(story), ["j", "j", "/"]);
    expect(s.prompt).toEqual({ kind: "filter", text: "" });
    for (const ch of "qjQ") s = reduce(s, key(ch));
    expect(s.quit).toBe(false);
    expect(current(s)).toMatchObject({ filter: "qjQ", cursor: 0, tab: 0 });
    s = keys(s, ["backspace"]);
    expect(current(s).filter).toBe("qj");
    s = keys(s, ["enter"]);
    expect(s.prompt).toBeNull();
    expect(current(s).filter).toBe("qj");
    // Esc outside the prompt clears the filter before it goes back.
    s = keys(s, ["esc"]);
    expect(current(s).filter).toBe("");
    expect(s.stack).toHaveLength(1);
  });

  it("puts the cursor on the first match when the filter is kept with Enter", () => {
    const s = keys(initialState(), ["/", "x", "enter"], frame(10, { matches: [3, 7] }));
    expect(current(s)).toMatchObject({ filter: "x", cursor: 3 });
  });

  it("clears the filter when the prompt is cancelled with Esc", () => {
    const s = keys(initialState(), ["/", "a", "b", "esc"]);
    expect(s.prompt).toBeNull();
    expect(current(s).filter).toBe("");
  });

  it("moves to the next and previous match with n/N, wrapping around", () => {
    const f = frame(50, { matches: [4, 20, 33] });
    let s = keys(initialState(), ["n"], f);
    expect(current(s).cursor).toBe(4);
    s = keys(s, ["n", "n"], f);
    expect(current(s).cursor).toBe(33);
    s = keys(s, ["n"], f);
    expect(current(s).cursor).toBe(4);
    s = keys(s, ["N"], f);
    expect(current(s).cursor).toBe(33);
    expect(keys(initialState(), ["n"], frame(5, { matches: [] })).notice).toBe("no match");
  });

  it("runs a search from the prompt and opens its results screen", () => {
    const s = keys(initialState(), ["s", "L", "a", "v", "enter"]);
    expect(current(s).route).toEqual({ kind: "search", q: "Lav" });
  });

  it("cycles the story sort with S on the story list only", () => {
    const s = keys(initialState(), ["S"]);
    expect(s.sort).toBe("most covered");
    expect(keys(s, ["S", "S"]).sort).toBe("newest");
    expect(keys(initialState(story), ["S"]).sort).toBe("newest");
  });

  it("toggles the removed text in the reader with b", () => {
    const s = keys(initialState({ kind: "article", id: "a" }), ["b"]);
    expect(current(s).showRemoved).toBe(true);
    expect(current(keys(s, ["b"])).showRemoved).toBe(false);
  });

  it("asks for copy and open-URL effects with the selected line's data, and says so when there is none", () => {
    const f = frame(3, { lineAt: () => ({ copy: "“minor incursion” — Joe Biden", url: "https://example.org/a" }) });
    const copied = reduce(initialState(), key("y", f));
    expect(copied.effect).toMatchObject({ kind: "copy", text: "“minor incursion” — Joe Biden", seq: 1 });
    expect(reduce(copied, key("o", f)).effect).toMatchObject({ kind: "openUrl", url: "https://example.org/a", seq: 2 });
    expect(reduce(initialState(), key("y", frame(3))).notice).toMatch(/nothing to copy/);
  });

  it("opens the sources screen with F from the story list only", () => {
    const s = reduce(initialState(), { type: "key", name: "F", input: "F", frame: { lines: 1, height: 10 } });
    expect(current(s).route.kind).toBe("sources");
    const again = reduce(s, { type: "key", name: "F", input: "F", frame: { lines: 1, height: 10 } });
    expect(again.stack.length).toBe(2);
  });

  it("opens help with ? and closes it with ? again", () => {
    const s = keys(initialState(), ["?"]);
    expect(current(s).route.kind).toBe("help");
    expect(keys(s, ["?"]).stack).toHaveLength(1);
  });

  it("places a jump target a third of the way down the screen", () => {
    const s = reduce(initialState({ kind: "article", id: "a" }), { type: "jump", line: 40, frame: frame(100) });
    expect(current(s)).toMatchObject({ cursor: 40, offset: 37, positioned: true });
  });
});
