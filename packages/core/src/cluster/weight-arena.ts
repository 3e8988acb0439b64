/**
 * One Float64Array for the centroid weights of every story, handed out in power-of-two chunks that
 * never move: a posting can hold the absolute place of its story's weight, and the hot loop of
 * story search reads it with no per-story object in between. Chunks of closed stories are reused.
 * @example const arena = new WeightArena(); const at = arena.alloc(8); arena.values[at] = 0.5;
 */
export class WeightArena {
  values = new Float64Array(1 << 14);
  private top = 0;
  // Free chunk starts by log2 of their size.
  private readonly free: number[][] = [];

  /** Start of a chunk of `size` values (a power of two). `values` may be a new array afterwards. */
  alloc(size: number): number {
    const list = this.free[31 - Math.clz32(size)];
    if (list && list.length > 0) return list.pop()!;
    if (this.top + size > this.values.length) {
      let cap = this.values.length * 2;
      while (cap < this.top + size) cap *= 2;
      const grown = new Float64Array(cap);
      grown.set(this.values.subarray(0, this.top));
      this.values = grown;
    }
    const start = this.top;
    this.top += size;
    return start;
  }

  /** Returns a chunk from `alloc` for reuse. */
  release(start: number, size: number): void {
    (this.free[31 - Math.clz32(size)] ??= []).push(start);
  }
}
