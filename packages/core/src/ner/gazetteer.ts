// Entity-name lists as hashed token sequences. The shipped list comes from the training data; a
// caller can add a per-batch list (entities seen across the articles of one batch) at tagging time.
import { hashLower, mix } from "./hash.ts";
import { ENTITY_TYPES, type NerType } from "./conll.ts";

/** Longest name (in tokens) that is looked up; longer training entities are rare and noisy. */
export const GAZ_MAX_LEN = 6;
const GAZ_SEED = 0x6a09e667;

/** Lowercased-token-sequence hash → how often it was seen as each type (PER, ORG, LOC, MISC). */
export type Gazetteer = Map<number, Uint16Array>;

/** The key of a token sequence; the same rolling hash the tagger computes over a sentence. */
export function gazetteerKey(tokens: readonly string[]): number {
  let h = GAZ_SEED;
  for (const t of tokens) h = mix(h, hashLower(t, 1));
  return h;
}

/** Step of the rolling key, given the lowercase hash (seed 1) of the next token. */
export function gazetteerStep(h: number, lowerHash: number): number {
  return mix(h, lowerHash);
}
export const GAZETTEER_SEED = GAZ_SEED;

export function addToGazetteer(gaz: Gazetteer, tokens: readonly string[], type: string, count = 1): void {
  const t = (ENTITY_TYPES as readonly string[]).indexOf(type);
  if (t < 0 || tokens.length === 0 || tokens.length > GAZ_MAX_LEN) return;
  const key = gazetteerKey(tokens);
  let c = gaz.get(key);
  if (!c) gaz.set(key, (c = new Uint16Array(4)));
  c[t] = Math.min(65535, c[t] + count);
}

/**
 * Builds a per-batch gazetteer from entities already found across a batch of articles, so a name
 * recognized in one article helps in another (headlines, lowercase mentions, sentence starts).
 *
 * @example
 * const gaz = buildGazetteer([{ tokens: ["Antony", "J.", "Blinken"], type: "PER" }]);
 * recognize("BLINKEN MEETS LAVROV", { gazetteer: gaz });
 */
export function buildGazetteer(entities: readonly { tokens: readonly string[]; type: NerType }[]): Gazetteer {
  const gaz: Gazetteer = new Map();
  for (const e of entities) addToGazetteer(gaz, e.tokens, e.type);
  return gaz;
}

/** Packs a gazetteer as [key u32, 4 × count u8 capped at 255] records, sorted by key for stable bytes. */
export function packGazetteer(gaz: Gazetteer): Uint8Array {
  const keys = [...gaz.keys()].map((k) => k >>> 0).sort((a, b) => a - b);
  const out = new Uint8Array(keys.length * 8);
  const dv = new DataView(out.buffer);
  keys.forEach((k, i) => {
    dv.setUint32(i * 8, k, true);
    const c = gaz.get(k | 0)!;
    for (let t = 0; t < 4; t++) out[i * 8 + 4 + t] = Math.min(255, c[t]);
  });
  return out;
}

export function unpackGazetteer(bytes: Uint8Array): Gazetteer {
  const gaz: Gazetteer = new Map();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    gaz.set(dv.getUint32(i, true) | 0, Uint16Array.from(bytes.subarray(i + 4, i + 8)));
  }
  return gaz;
}
