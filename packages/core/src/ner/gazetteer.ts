// Entity-name lists as hashed token sequences. The shipped list comes from the training data; a
// caller can add a per-batch list (entities seen across the articles of one batch) at tagging time.
import { hashLower, mix } from "./hash.ts";
import { ENTITY_TYPES, type NerType } from "./conll.ts";

/** Longest name (in tokens) that is looked up; longer training entities are rare and noisy. */
export const GAZ_MAX_LEN = 6;
const GAZ_SEED = 0x6a09e667;

/** Lowercased-token-sequence hash → how often it was seen as each type (PER, ORG, LOC, MISC). */
export type Gazetteer = Map<number, Uint16Array>;

/**
 * Step of the rolling key, given the lowercase hash (seed 1) of the next token. Keys are kept to 30
 * bits so they stay small integers in V8 (Map lookups on them need no boxing).
 */
export function gazetteerStep(h: number, lowerHash: number): number {
  return mix(h, lowerHash) & 0x3fffffff;
}

/** The key of a token sequence; the same rolling hash the tagger computes over a sentence. */
export function gazetteerKey(tokens: readonly string[]): number {
  let h = GAZ_SEED;
  for (const t of tokens) h = gazetteerStep(h, hashLower(t, 1));
  return h;
}
export const GAZETTEER_SEED = GAZ_SEED;

/**
 * Adds a name. Every proper prefix of it is also entered (with zero counts) so a lookup walking
 * a sentence can stop at the first sequence that starts no name.
 */
export function addToGazetteer(gaz: Gazetteer, tokens: readonly string[], type: string, count = 1): void {
  const t = (ENTITY_TYPES as readonly string[]).indexOf(type);
  if (t < 0 || tokens.length === 0 || tokens.length > GAZ_MAX_LEN) return;
  let key = GAZ_SEED;
  for (let i = 0; i < tokens.length; i++) {
    key = gazetteerStep(key, hashLower(tokens[i], 1));
    let c = gaz.get(key);
    if (!c) gaz.set(key, (c = new Uint16Array(4)));
    if (i === tokens.length - 1) c[t] = Math.min(65535, c[t] + count);
  }
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
    const c = gaz.get(k)!;
    for (let t = 0; t < 4; t++) out[i * 8 + 4 + t] = Math.min(255, c[t]);
  });
  return out;
}

export function unpackGazetteer(bytes: Uint8Array): Gazetteer {
  const gaz: Gazetteer = new Map();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    gaz.set(dv.getUint32(i, true), Uint16Array.from(bytes.subarray(i + 4, i + 8)));
  }
  return gaz;
}
