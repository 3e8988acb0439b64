// The name recognizers `extractEntities` can run: the trained model, the rules, or both.
import { recognize as recognizeByModel } from "../ner/index.ts";
import { gazetteerType, recognizeByRules, type MentionRecognizer, type MentionSpan } from "./mentions.ts";

/**
 * The trained model's spans, plus rule spans in stretches the model left untagged: the model
 * generalizes to names no list holds, the rules catch forms 1996 Reuters copy rarely shows
 * ("Mr. Blinken", Title Case headlines of today's outlets). Where the two overlap, the rules win
 * only with stronger evidence: a name the gazetteer knows ("Kremlin" is an organization in today's
 * news, a place in the model's 1996 copy), or a longer organization name that contains the model's
 * span ("Russian Foreign Ministry" over "Foreign Ministry").
 * @example recognizeHybrid("Secretary of State Antony J. Blinken met Mr. Lavrov in Stockholm.")
 */
export function recognizeHybrid(text: string): MentionSpan[] {
  const model: MentionSpan[] = recognizeByModel(text).map((m) => ({ start: m.start, end: m.end, type: m.type }));
  const rules = recognizeByRules(text);
  const overlaps = (a: MentionSpan, b: MentionSpan) => a.start < b.end && b.start < a.end;
  const strong = rules.filter((r) => {
    if (gazetteerType(text.slice(r.start, r.end)) !== null) return true;
    return (
      r.type === "ORG" &&
      model.some((m) => overlaps(m, r) && r.start <= m.start && m.end <= r.end && r.end - r.start > m.end - m.start)
    );
  });
  const out = model.filter((m) => !strong.some((r) => overlaps(m, r)));
  out.push(...strong);
  for (const r of rules) {
    if (!out.some((m) => overlaps(m, r))) out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

export const RECOGNIZERS = {
  model: ((text: string) =>
    recognizeByModel(text).map((m) => ({ start: m.start, end: m.end, type: m.type }))) as MentionRecognizer,
  rules: recognizeByRules as MentionRecognizer,
  hybrid: recognizeHybrid as MentionRecognizer,
};
export type RecognizerName = keyof typeof RECOGNIZERS;

/** What `analyze` runs unless told otherwise. */
export const DEFAULT_RECOGNIZER: RecognizerName = "hybrid";
