/**
 * Disjoint sets over 0..n-1 with path halving and union by size; grows as elements are added.
 * @example const uf = new UnionFind(); uf.add(); uf.add(); uf.union(0, 1); uf.find(1) === uf.find(0) // true
 */
export class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  private n = 0;

  constructor(capacity = 16) {
    this.parent = new Int32Array(Math.max(1, capacity));
    this.size = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.n;
  }

  /** Adds a new singleton and returns its index. */
  add(): number {
    if (this.n === this.parent.length) {
      const p = new Int32Array(this.parent.length * 2);
      p.set(this.parent);
      this.parent = p;
      const s = new Int32Array(this.size.length * 2);
      s.set(this.size);
      this.size = s;
    }
    this.parent[this.n] = this.n;
    this.size[this.n] = 1;
    return this.n++;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /** Joins the sets of a and b; returns the new root. */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return ra;
  }

  setSize(x: number): number {
    return this.size[this.find(x)];
  }
}
