// MinHash on WebAssembly SIMD: four hash functions per instruction, 16 per pass over the shingles.
// The module is a few hundred bytes, assembled here at first use from the instructions below, so
// there is no binary to build or ship; where WebAssembly SIMD is missing, callers fall back to JS.
// It computes exactly what minhashSignature's JS loop does: min over shingles of fmix32(x ^ key).

const I32 = 0x7f;
const V128 = 0x7b;

// Core opcodes.
const BLOCK = 0x02;
const LOOP = 0x03;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const I32_CONST = 0x41;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
// SIMD opcodes (prefix 0xfd).
const V128_LOAD = 0x00;
const V128_LOAD32_SPLAT = 0x09;
const V128_STORE = 0x0b;
const I32X4_SPLAT = 0x11;
const V128_XOR = 0x51;
const I32X4_SHR_U = 0xad;
const I32X4_MUL = 0xb5;
const I32X4_MIN_U = 0xb7;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
const get = (l: number) => [LOCAL_GET, l];
const set = (l: number) => [LOCAL_SET, l];
const i32 = (v: number) => [I32_CONST, ...sleb(v | 0)];

// Parameters: shingles address, shingle count, keys address, key count (a multiple of 16), output address.
const [SH, N, KEYS, NKEYS, OUT] = [0, 1, 2, 3, 4];
// Locals: key index, shingle index; 4 key vectors, 4 minimum vectors, the shingle, scratch, 2 constants.
const [I, S] = [5, 6];
const K = [7, 8, 9, 10];
const M = [11, 12, 13, 14];
const [X, H, C1, C2] = [15, 16, 17, 18];

// fmix32 of the vector on the stack, lane by lane.
const fmix = [
  ...[LOCAL_TEE, H, ...get(H), ...i32(16), ...simd(I32X4_SHR_U), ...simd(V128_XOR)],
  ...[...get(C1), ...simd(I32X4_MUL)],
  ...[LOCAL_TEE, H, ...get(H), ...i32(13), ...simd(I32X4_SHR_U), ...simd(V128_XOR)],
  ...[...get(C2), ...simd(I32X4_MUL)],
  ...[LOCAL_TEE, H, ...get(H), ...i32(16), ...simd(I32X4_SHR_U), ...simd(V128_XOR)],
];

const addressOf = (base: number, index: number) => [...get(base), ...get(index), ...i32(2), I32_SHL, I32_ADD];

const body = [
  ...[2, 2, I32, 12, V128], // local declarations: 2 i32, 12 v128
  ...[...i32(0x85ebca6b), ...simd(I32X4_SPLAT), ...set(C1)],
  ...[...i32(0xc2b2ae35), ...simd(I32X4_SPLAT), ...set(C2)],
  ...[BLOCK, 0x40, LOOP, 0x40],
  ...[...get(I), ...get(NKEYS), I32_GE_U, BR_IF, 1],
  ...K.flatMap((k, j) => [...addressOf(KEYS, I), ...simd(V128_LOAD, 4, ...uleb(16 * j)), ...set(k)]),
  ...M.flatMap((m) => [...i32(-1), ...simd(I32X4_SPLAT), ...set(m)]),
  ...[...i32(0), ...set(S)],
  ...[BLOCK, 0x40, LOOP, 0x40],
  ...[...get(S), ...get(N), I32_GE_U, BR_IF, 1],
  ...[...addressOf(SH, S), ...simd(V128_LOAD32_SPLAT, 2, 0), ...set(X)],
  ...M.flatMap((m, j) => [
    ...get(m),
    ...get(X),
    ...get(K[j]),
    ...simd(V128_XOR),
    ...fmix,
    ...simd(I32X4_MIN_U),
    ...set(m),
  ]),
  ...[...get(S), ...i32(1), I32_ADD, ...set(S), BR, 0],
  ...[END, END],
  ...M.flatMap((m, j) => [...addressOf(OUT, I), ...get(m), ...simd(V128_STORE, 4, ...uleb(16 * j))]),
  ...[...get(I), ...i32(16), I32_ADD, ...set(I), BR, 0],
  ...[END, END, END],
];

const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
  ...section(3, [1, 0]),
  ...section(5, [1, 0x00, 1]),
  ...section(7, [2, ...name("memory"), 0x02, 0, ...name("minhash"), 0x00, 0]),
  ...section(10, [1, ...uleb(body.length), ...body]),
]);

interface Kernel {
  memory: WebAssembly.Memory;
  minhash: (shingles: number, n: number, keys: number, nKeys: number, out: number) => void;
}

let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  if (kernel === undefined) {
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE), {});
      kernel = instance.exports as unknown as Kernel;
    } catch {
      // No WebAssembly, or no SIMD in this engine: the JS loop does the work.
      kernel = null;
    }
  }
  return kernel;
}

/**
 * The MinHash signature of `shingles` under `keys` (a multiple of 16 of them) on WebAssembly
 * SIMD, or null where that is not available.
 * @example minhashSimd(Uint32Array.of(1, 2, 3), keys)?.length // keys.length
 */
export function minhashSimd(shingles: Uint32Array, keys: Uint32Array): Uint32Array | null {
  const k = keys.length % 16 === 0 ? load() : null;
  if (!k) return null;
  // Layout: keys, then the signature, then the shingles.
  const outAt = keys.length * 4;
  const shAt = outAt + keys.length * 4;
  const need = shAt + shingles.length * 4;
  if (need > k.memory.buffer.byteLength) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / 65536));
  const mem = new Uint32Array(k.memory.buffer);
  mem.set(keys, 0);
  mem.set(shingles, shAt / 4);
  k.minhash(shAt, shingles.length, 0, keys.length, outAt);
  return mem.slice(outAt / 4, outAt / 4 + keys.length);
}
