/**
 * A memo keyed by a slice of a string (plus a small tag), looked up without cutting the slice out: the parser hands
 * over (start, length) into the lower-cased text, and hashing those characters in place avoids allocating and hashing
 * a fresh string for each of the ~1,000 tokens of an article, which a Map would need.
 */
export class TokenMemo<V> {
  private keys: string[] = [];
  private tags = new Uint8Array(0);
  private hashes = new Int32Array(0);
  private values: V[] = [];
  private mask = 0;
  size = 0;

  constructor(private readonly capacity: number) {
    this.clear();
  }

  clear(): void {
    const slots = 1 << Math.ceil(Math.log2(this.capacity * 2));
    this.keys = new Array<string>(slots);
    this.tags = new Uint8Array(slots);
    this.hashes = new Int32Array(slots);
    this.values = new Array<V>(slots);
    this.mask = slots - 1;
    this.size = 0;
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** The value stored for text[start, start + length) under `tag`, or undefined. */
  get(text: string, start: number, length: number, tag: number): V | undefined {
    const h = hash(text, start, length, tag);
    // Hashes are never 0, so the hash array alone tells empty slots and most mismatches: keys are read on a match only.
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const hi = this.hashes[i];
      if (hi === 0) return undefined;
      if (hi === h && this.tags[i] === tag) {
        const k = this.keys[i]!;
        if (k.length === length && same(k, text, start)) return this.values[i];
      }
    }
  }

  /**
   * Stores a value for a key known to be absent. Callers check `full` and clear between documents; within one huge
   * document the memo stops taking entries at three quarters of its slots, so probing always finds an empty one.
   */
  set(text: string, start: number, length: number, tag: number, value: V): void {
    if (this.size >= (this.mask + 1) * 0.75) return;
    const h = hash(text, start, length, tag);
    let i = h & this.mask;
    while (this.hashes[i] !== 0) i = (i + 1) & this.mask;
    this.keys[i] = text.slice(start, start + length);
    this.tags[i] = tag;
    this.hashes[i] = h;
    this.values[i] = value;
    this.size++;
  }
}

function hash(text: string, start: number, length: number, tag: number): number {
  let h = 0x811c9dc5 ^ tag;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) | 1;
}

function same(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
