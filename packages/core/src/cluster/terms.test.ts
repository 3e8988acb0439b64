import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "./derive-sample.fixture.ts";
import { contentWords, normalizeHeadline, STORY_STOPWORDS, stemWord } from "./terms.ts";

// The definition contentWords had before its one-pass tokenizer: the oracle it must keep matching.
function contentWordsByRegex(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeHeadline(text).matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    if (w.length < 2 || STORY_STOPWORDS.has(w)) continue;
    out.push(stemWord(w));
  }
  return out;
}

describe("contentWords", () => {
  it("drops stopwords and one-letter tokens and stems the rest", () => {
    expect(contentWords("Apple unveils the new iPads")).toEqual(["apple", "unveil", "ipad"]);
  });

  it("gives the words of its regex definition on every title, body and quote of the derive sample", () => {
    for (const a of loadDeriveSample()) {
      for (const t of [a.title ?? "", a.body, ...a.quotes.map((q) => q.text)])
        expect(contentWords(t)).toEqual(contentWordsByRegex(t));
    }
  });

  it("treats HTML entities, possessives, case-changing letters and trailing dots as its regex definition does", () => {
    const cases = [
      "Fed&#039;s Yellen Says  ...",
      "AT&amp;T&#39;s deal &apos;final&apos; &QUOT;ok&quot; &lt;b&gt; x&nbsp;y &#x27;z &&#39;s &amp;#39; &amp;quot;",
      "Obama’s plan, Clinton's reply's … ",
      "İstanbul KELVIN \u212A ǅemal ΣΑΣ straße",
      "3D TV, EU & UK, GM's 2014 recall…",
      "",
      "a",
    ];
    for (const t of cases) expect(contentWords(t)).toEqual(contentWordsByRegex(t));
  });

  it("stops after `limit` words with the words a slice would keep", () => {
    const body = loadDeriveSample()[0].body;
    expect(contentWords(body, 8)).toEqual(contentWordsByRegex(body).slice(0, 8));
  });
});
