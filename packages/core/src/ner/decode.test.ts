import { describe, expect, it } from "vitest";
import { makeTagSet, viterbi } from "./decode.ts";

describe("makeTagSet", () => {
  it("forbids I- after O in IOB2 and unfinished entities at a sentence end in BILOU", () => {
    const iob = makeTagSet("IOB2");
    const K = iob.names.length;
    const ix = (n: string) => iob.names.indexOf(n);
    expect(K).toBe(9);
    expect(iob.allowed[ix("O") * K + ix("I-PER")]).toBe(0);
    expect(iob.allowed[ix("B-PER") * K + ix("I-PER")]).toBe(1);
    expect(iob.allowed[ix("B-ORG") * K + ix("I-PER")]).toBe(0);
    expect(iob.start[ix("I-LOC")]).toBe(0);

    const bilou = makeTagSet("BILOU");
    const B = bilou.names.length;
    const bx = (n: string) => bilou.names.indexOf(n);
    expect(B).toBe(17);
    expect(bilou.allowed[bx("B-PER") * B + bx("O")]).toBe(0);
    expect(bilou.allowed[bx("B-PER") * B + bx("L-PER")]).toBe(1);
    expect(bilou.allowed[bx("L-PER") * B + bx("U-LOC")]).toBe(1);
    expect(bilou.end[bx("I-PER")]).toBe(0);
    expect(bilou.end[bx("U-PER")]).toBe(1);
  });
});

describe("viterbi", () => {
  const ts = makeTagSet("IOB2");
  const K = ts.names.length;
  const ix = (n: string) => ts.names.indexOf(n);
  const zeros = (n: number) => new Float32Array(n);

  it("follows emissions when they form a legal sequence", () => {
    const em = zeros(3 * K);
    em[0 * K + ix("B-PER")] = 2;
    em[1 * K + ix("I-PER")] = 2;
    em[2 * K + ix("O")] = 2;
    const out = new Int32Array(3);
    viterbi(em, 3, ts, zeros(K * K), zeros(K), zeros(K), out);
    expect(Array.from(out, (t) => ts.names[t])).toEqual(["B-PER", "I-PER", "O"]);
  });

  it("repairs an illegal greedy choice into the best legal sequence", () => {
    // Greedy would say O, I-ORG; I-ORG cannot follow O, so the decoder must choose between
    // B-ORG I-ORG (0.9 + 3) and O O (1 + 0) and take the former.
    const em = zeros(2 * K);
    em[ix("O")] = 1;
    em[ix("B-ORG")] = 0.9;
    em[K + ix("I-ORG")] = 3;
    const out = new Int32Array(2);
    viterbi(em, 2, ts, zeros(K * K), zeros(K), zeros(K), out);
    expect(Array.from(out, (t) => ts.names[t])).toEqual(["B-ORG", "I-ORG"]);
  });

  it("lets transition scores outweigh a weak emission", () => {
    const em = zeros(2 * K);
    em[ix("B-LOC")] = 1;
    em[K + ix("B-LOC")] = 0.5;
    em[K + ix("I-LOC")] = 0.4;
    const trans = zeros(K * K);
    trans[ix("B-LOC") * K + ix("I-LOC")] = 1;
    const out = new Int32Array(2);
    viterbi(em, 2, ts, trans, zeros(K), zeros(K), out);
    expect(Array.from(out, (t) => ts.names[t])).toEqual(["B-LOC", "I-LOC"]);
  });
});
