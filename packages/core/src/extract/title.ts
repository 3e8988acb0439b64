// Headlines: whether a line is a headline (and not the first sentence), and finding the title
// again where scrapers repeat it (a second copy at the top, glued to the end of a credits line).
import { matchKey, wordCount } from "../text/normalize.ts";
import { isTimestampLine } from "./dates.ts";

const TERMINAL = /[.!?…。！？]["'\u201d\u2019)\]」』]*$/;
const MAX_HEADLINE_WORDS = 25;
const MAX_HEADLINE_CHARS = 220;

/**
 * True when a line has the shape of a headline: short, no sentence-final punctuation (a question
 * or exclamation headline is allowed), not a byline, date or label. A line ending in a period is
 * a headline only when the caller knows the next paragraph opens the story (e.g. with a dateline).
 * @example looksLikeHeadline("Blinken, Lavrov, Expect No Breakthroughs on Ukraine") // true
 */
export function looksLikeHeadline(line: string, nextOpensStory = false): boolean {
  const words = wordCount(line);
  if (words < 3 || words > MAX_HEADLINE_WORDS || line.length > MAX_HEADLINE_CHARS) return false;
  if (/^by\s/i.test(line) || /[:,]$/.test(line) || isTimestampLine(line)) return false;
  if (!/[A-Za-z]/.test(line[0] ?? "") && !/^["'\u201c\u2018\d$]/.test(line)) return false;
  if (/[.]["'\u201d\u2019]?$/.test(line)) return nextOpensStory && words <= 20;
  if (/[!?]["'\u201d\u2019]?$/.test(line)) return true;
  return !TERMINAL.test(line);
}

/**
 * Where `title` occurs in `paragraph`: "whole" (the paragraph is the title), "suffix" (glued to
 * the end of another line), or null.
 * @example titleOccurrence("(Editing by Gareth Jones) Blinken warns Russia", "Blinken warns Russia") // "suffix"
 */
export function titleOccurrence(
  paragraph: string,
  title: string,
  titleKey = matchKey(title),
): "whole" | "suffix" | null {
  // Cheap rejections first: this runs on every paragraph of every article.
  if (paragraph.length + 8 < titleKey.length || lastAlnum(paragraph) !== lastAlnum(titleKey)) return null;
  const p = matchKey(paragraph);
  const t = titleKey;
  if (!t) return null;
  if (p === t) return "whole";
  if (p.length > t.length && p.endsWith(t)) {
    // Glued copies follow a closed line ("...Frances Kerry) Headline"); a long title is distinctive
    // enough on its own, a short one may just be the end of a sentence.
    const before = p.slice(0, p.length - t.length);
    if (/[).;:"]\s*$/.test(before) || (/\s$/.test(before) && wordCount(t) >= 6)) return "suffix";
  }
  return null;
}

function lastAlnum(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c.toLowerCase() !== c.toUpperCase() || (c >= "0" && c <= "9")) return c.toLowerCase();
  }
  return "";
}

/**
 * Counts the title's occurrences in a body as whole lines or glued to a line's end.
 * @example countTitleInBody("Headline\n\nText.", "Headline") // 1
 */
export function countTitleInBody(body: string, title: string): number {
  let n = 0;
  for (const line of body.split("\n")) if (line.trim() && titleOccurrence(line.trim(), title)) n++;
  return n;
}
