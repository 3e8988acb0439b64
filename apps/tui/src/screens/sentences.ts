/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st gen sen rep gov lt col maj capt sgt jr sr vs inc corp co ltd dept jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

/** True when the character at `i` ends a sentence: a newline, or . ! ? followed by a blank and not closing an abbreviation. */
function endsSentence(body: string, i: number): boolean {
  const c = body[i];
  if (c === "\n") return true;
  if (c !== "." && c !== "!" && c !== "?") return false;
  let j = i + 1;
  while (j < body.length && /[”"’')]/.test(body[j] as string)) j++;
  if (j < body.length && !/\s/.test(body[j] as string)) return false;
  if (c !== ".") return true;
  const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, i - 12), i))?.[1] ?? "";
  // "U.S." and "D.C." (single letters between periods) and titles like "Mr." do not end a sentence.
  if (/^(\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, "").length <= 3 && word.length > 1) return false;
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentence of `body` that contains [start, end): from the previous sentence end to the next. */
export function sentenceAround(body: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !endsSentence(body, a - 1)) a--;
  let b = Math.max(start, end - 1);
  while (b < body.length && !endsSentence(body, b)) b++;
  if (b < body.length && body[b] !== "\n") b++;
  // A closing quotation mark belongs to the sentence it ends.
  while (b < body.length && /[”"’']/.test(body[b] as string)) b++;
  return body.slice(a, b).trim();
}

/** The first sentence containing `word` as a whole word, or null. */
export function sentenceWith(body: string, word: string): string | null {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").exec(body);
  if (!m) return null;
  const at = m.index + (m[1] as string).length;
  return sentenceAround(body, at, at + word.length);
}
