import { describe, expect, it } from "vitest";
import { WeightArena } from "./weight-arena.ts";

describe("WeightArena", () => {
  it("keeps every chunk's values in place while the arena grows", () => {
    const arena = new WeightArena();
    const chunks: Array<[number, number]> = [];
    for (let c = 0; c < 2000; c++) {
      const size = 8 << (c % 4);
      const start = arena.alloc(size);
      for (let k = 0; k < size; k++) arena.values[start + k] = c + k / 1000;
      chunks.push([start, size]);
    }
    let moved = 0;
    chunks.forEach(([start, size], c) => {
      for (let k = 0; k < size; k++) if (arena.values[start + k] !== c + k / 1000) moved++;
    });
    expect(arena.values.length).toBeGreaterThan(1 << 14);
    expect(moved).toBe(0);
  });

  it("hands a released chunk to the next request of its size, and only of its size", () => {
    const arena = new WeightArena();
    const a = arena.alloc(16);
    const b = arena.alloc(32);
    arena.release(a, 16);
    arena.release(b, 32);
    expect(arena.alloc(32)).toBe(b);
    expect(arena.alloc(8)).not.toBe(a);
    expect(arena.alloc(16)).toBe(a);
  });
});
