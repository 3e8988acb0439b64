/** The sentence of `body` that contains [start, end): from the last sentence end before it to the next after it. */
export function sentenceAround(body: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(body[a - 1] as string)) a--;
  let b = end;
  while (b < body.length && !/[.!?\n]/.test(body[b] as string)) b++;
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
