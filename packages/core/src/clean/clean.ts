// The cleaning pass: from raw scraped text to the body newsfuse works on, plus what the page's
// header and footer said about the article (headline, dates, bylines, credits, provenance lines).
// Every paragraph taken out is recorded with a reason.
import type { Credit, Removed } from "../schema/article.ts";
import { matchKey, normalizeText, wordCount } from "../text/normalize.ts";
import { splitParagraphs, splitSentences } from "../text/split.ts";
import { parseDateline, type DatelineMatch } from "../extract/dateline.ts";
import { parseDateLine, type StatedDate } from "../extract/dates.ts";
import { parseByline, parseCreditLine, type Byline } from "../extract/credits.ts";
import { isAggregatorDisclaimer, materialAgencies, republishedOrigin } from "../extract/provenance.ts";
import { looksLikeHeadline, titleOccurrence } from "../extract/title.ts";
import { isChrome, isEdgeFragment, isProse, isTeaserHeading } from "./boilerplate.ts";
import { isCaption, isKickerShape } from "./captions.ts";

export interface CleanOptions {
  /** A headline known from metadata; its copies are removed from the body. */
  title?: string;
  /** `matchKey`s of paragraphs found to recur across the batch (see `findRecurringLines`). */
  recurring?: Set<string>;
}

export interface CleanResult {
  body: string;
  /** The kept paragraphs, in order (`body` is them joined by a blank line). */
  paragraphs: string[];
  removed: Removed[];
  /** The headline printed in the text, or null when the text has none. */
  headline: string | null;
  dateline: DatelineMatch | null;
  /** Dated lines of the page header, in order. */
  dates: StatedDate[];
  /** Dated lines below the story (a correction or print date): kept apart, never the publication date. */
  footerDates: StatedDate[];
  bylines: Byline[];
  credits: Credit[];
  /** Agencies credited for material ("Some material ... came from the Associated Press"). */
  materialFrom: string[];
  /** The page carries an aggregator's disclaimer: the text is someone else's copy. */
  aggregator: boolean;
  /** Outlet the text says it was first published by ("This story originally appeared in ..."). */
  origin: string | null;
}

type Reason = Removed["reason"];
const SECTION_LABEL = /^[\p{Lu}\d &'’\-/|]{2,30}$/u;

const BYLINE_MAX_WORDS = 20;
const SHORT_HEADLINE_WORDS = 12;
const MAX_HEADER_PARAGRAPHS = 8;
const TEASER_MAX_WORDS = 40;
// Below the story, a short unpunctuated line is chrome; a longer one only if it is a teaser headline
// in Title Case ("Mike Huckabee Makes Sexist Wife Joke"), not a sentence that lost its period.
const TAIL_FRAGMENT_WORDS = 6;
// "ABSTRACT.", "FULL TEXT.", "RELATED", "WORLD NEWS": a label in capitals, never prose.
const CAPS_LABEL = /^[\p{Lu}][\p{Lu}\d &'’\-/|]{1,30}[.:]?$/u;

/**
 * Cleans one article's raw text. Pure: the same text and options give the same result.
 * @example cleanText("Headline\n\nGENEVA (AP) — Talks began.\n\nRelated Articles").body // "GENEVA (AP) — Talks began."
 */
export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  dateLineMemo.clear();
  datelineMemo.clear();
  try {
    return cleanTextOnce(text, options);
  } finally {
    dateLineMemo.clear();
    datelineMemo.clear();
  }
}

// Memos for one cleanText call (cleared before and after it, so results never depend on earlier
// calls): the story-start, header, headline and footer passes ask about the same paragraphs again,
// and a date line costs a chrono parse.
const dateLineMemo = new Map<string, StatedDate | null>();
const datelineMemo = new Map<string, DatelineMatch | null>();

function dateLineOf(p: string): StatedDate | null {
  let r = dateLineMemo.get(p);
  if (r === undefined) dateLineMemo.set(p, (r = parseDateLine(p)));
  return r;
}

function datelineOf(p: string): DatelineMatch | null {
  let r = datelineMemo.get(p);
  if (r === undefined) datelineMemo.set(p, (r = parseDateline(p)));
  return r;
}

function cleanTextOnce(text: string, options: CleanOptions): CleanResult {
  const normalized = normalizeText(text);
  const segments = splitParagraphs(normalized);
  const paras = segments.map((p) => p.text);
  // A first line ending in a period is still a headline when a blank line sets it apart and the
  // story opens with a dateline below it, or it is written in Title Case, or (without a metadata
  // title) it is one short sentence above a much longer paragraph.
  const periodHeadline = (i: number, next: number): boolean => {
    if (next < 0 || !looksLikeHeadline(paras[i], true) || !normalized.startsWith("\n\n", segments[i].end)) return false;
    if (datelineOf(paras[next]) || isTitleCase(paras[i])) return true;
    const words = wordCount(paras[i]);
    return (
      !options.title &&
      words <= SHORT_HEADLINE_WORDS &&
      wordCount(paras[next]) >= 1.5 * words &&
      splitSentences(paras[i]).length === 1
    );
  };
  const n = paras.length;
  const reason: (Reason | null)[] = new Array(n).fill(null);
  const removedText: string[] = paras.slice();
  const out: CleanResult = {
    body: "",
    paragraphs: [],
    removed: [],
    headline: null,
    dateline: null,
    dates: [],
    footerDates: [],
    bylines: [],
    credits: [],
    materialFrom: [],
    aggregator: false,
    origin: null,
  };

  // 1. Chrome by wording, disclaimers, batch-recurring lines, captions: wherever they are.
  for (let i = 0; i < n; i++) {
    const p = paras[i];
    if (isChrome(p) || (CAPS_LABEL.test(p) && wordCount(p) <= 3)) reason[i] = "boilerplate";
    else if (isAggregatorDisclaimer(p)) {
      reason[i] = "disclaimer";
      out.aggregator = true;
    } else if (options.recurring?.has(matchKey(p))) reason[i] = "recurring";
    else if (isCaption(p)) reason[i] = "caption";
  }

  // 2. The page header: everything before the first paragraph of the story proper.
  const start = findStoryStart(paras, reason, periodHeadline);
  // A page header is a handful of lines; prose found only far down means the text opens with a
  // list or a table, which is content, not header.
  if (start > 0 && start <= MAX_HEADER_PARAGRAPHS) readHeader(paras, reason, start, out, periodHeadline);
  if (start >= 0 && start < n) {
    // "Blinken Trades Warnings ... NATO WASHINGTON — Secretary ...": a scraper joined the headline
    // to the first paragraph. Split at the dateline when what precedes it is headline-shaped.
    if (out.headline === null && !datelineOf(paras[start])) {
      const glued = splitGluedHeadline(paras[start]);
      if (glued) {
        out.headline = glued.headline;
        out.removed.push({ text: glued.headline, reason: "headline" });
        paras[start] = glued.rest;
        removedText[start] = glued.rest;
      }
    }
    out.dateline = datelineOf(paras[start]);
  }

  // 3. Copies of the headline: as a whole line, or glued to the end of another line.
  const title = options.title?.trim() || out.headline;
  if (title) {
    const titleKey = matchKey(title);
    for (let i = 0; i < n; i++) {
      if (reason[i]) continue;
      const occ = titleOccurrence(paras[i], title, titleKey);
      if (occ === "whole") {
        // A metadata title equal to a first line that reads as prose is that sentence: keep it.
        const opensStory = i + 1 < n && !!datelineOf(paras[i + 1]);
        if (i === start && isProse(paras[i]) && !looksLikeHeadline(paras[i], opensStory)) continue;
        reason[i] = "headline";
      } else if (occ === "suffix") {
        const cut = paras[i].length - suffixLength(paras[i], title);
        out.removed.push({ text: paras[i].slice(cut).trim(), reason: "headline" });
        paras[i] = paras[i].slice(0, cut).trim();
        removedText[i] = paras[i];
      }
    }
    if (start >= 0 && reason[start] === "headline") {
      const next = nextKept(reason, start + 1);
      if (next >= 0) out.dateline = datelineOf(paras[next]);
    }
  }

  // 4. Bylines, credit lines and provenance notes, wherever they are printed.
  for (let i = 0; i < n; i++) {
    if (reason[i]) continue;
    const p = paras[i];
    const by = p.length < 200 ? parseByline(p) : null;
    if (by && p.split(/\s+/).length <= BYLINE_MAX_WORDS) {
      out.bylines.push(by);
      reason[i] = "byline";
      continue;
    }
    const credit = parseCreditLine(p);
    if (credit?.credits.length) {
      out.credits.push(...credit.credits);
      pushAll(out.materialFrom, credit.agencies);
      reason[i] = "credit";
      continue;
    }
    // Agency credits stay in the body: they are a sentence about sourcing that readers see.
    const agencies = credit?.agencies.length ? credit.agencies : materialAgencies(p);
    if (agencies.length) {
      pushAll(out.materialFrom, agencies);
      continue;
    }
    const origin = republishedOrigin(p);
    if (origin) {
      out.origin ??= origin;
      reason[i] = "credit";
    }
  }

  // 5. The page footer: short unpunctuated fragments after the last paragraph of prose. A text
  // without prose (a list, a table) has no footer to tell apart. Fragments with figures (tour
  // dates, standings) are a list that belongs to the story: the footer ends there.
  for (let i = n - 1; start >= 0 && i > start; i--) {
    if (reason[i]) continue;
    const p = paras[i];
    const date = dateLineOf(p);
    if (date) {
      out.footerDates.unshift(date);
      reason[i] = "date";
    } else if (
      isEdgeFragment(p) &&
      !/\d/.test(p) &&
      p.length <= 100 &&
      (wordCount(p) <= TAIL_FRAGMENT_WORDS || isTitleCase(p))
    ) {
      reason[i] = "boilerplate";
    } else break;
  }

  // 5b. A block of teaser links under a heading ("More Great WIRED Stories") that runs to the end
  // of the text: short lines, no quotations. A "RELATED" marker inside the story is followed by
  // real paragraphs, which fail this test and stay.
  for (let h = Math.max(start + 1, 1); h < n; h++) {
    if (!isTeaserHeading(paras[h])) continue;
    const rest: number[] = [];
    for (let j = h + 1; j < n; j++) if (!reason[j]) rest.push(j);
    if (
      rest.length &&
      rest.every((j) => wordCount(paras[j]) <= TEASER_MAX_WORDS && !/["\u201c\u201d]/.test(paras[j]))
    ) {
      reason[h] ??= "boilerplate";
      for (const j of rest) reason[j] = "boilerplate";
      break;
    }
  }

  // 6. Kickers: a short label printed right above a caption.
  for (let i = 0; i + 1 < n; i++) {
    if (!reason[i] && reason[i + 1] === "caption" && isKickerShape(paras[i])) reason[i] = "kicker";
  }

  for (let i = 0; i < n; i++) {
    const r = reason[i];
    if (r) {
      out.removed.push({ text: removedText[i], reason: r });
    } else if (paras[i]) out.paragraphs.push(paras[i]);
  }
  out.body = out.paragraphs.join("\n\n");
  return out;
}

// The first paragraph that opens the story: one with a dateline, or the first prose paragraph
// that is not a headline ending in a period. -1 when the text has no prose at all.
type PeriodHeadline = (i: number, next: number) => boolean;

function findStoryStart(paras: string[], reason: (Reason | null)[], periodHeadline: PeriodHeadline): number {
  for (let i = 0; i < paras.length; i++) {
    if (reason[i]) continue;
    const p = paras[i];
    if (datelineOf(p)) return i;
    if (!isProse(p) || dateLineOf(p) || parseByline(p)) continue;
    // "O'Malley campaign to shift staff." above "DALLAS (AP) — ...": a headline, not the story.
    const next = nextKept(reason, i + 1);
    if (isFirstKept(reason, i) && periodHeadline(i, next)) continue;
    return i;
  }
  return -1;
}

function readHeader(
  paras: string[],
  reason: (Reason | null)[],
  start: number,
  out: CleanResult,
  periodHeadline: PeriodHeadline,
): void {
  for (let i = 0; i < start; i++) {
    if (reason[i]) continue;
    const p = paras[i];
    const date = dateLineOf(p);
    if (date) {
      out.dates.push(date);
      reason[i] = "date";
      continue;
    }
    const by = parseByline(p);
    if (by) {
      out.bylines.push(by);
      reason[i] = "byline";
      continue;
    }
    // "By Jane Doe | November 18, 2019 at 2:26 PM - Updated November 18 at 4:46 PM": byline and dates on one line.
    const parts = p.split(/\s+(?:[|·•]|[-–—]\s+(?=updated|modified|posted|published))\s*/i);
    if (parts.length > 1) {
      const bys = parts.map((x) => parseByline(x)).filter((x) => x !== null);
      const dates = parts.map((x) => dateLineOf(x)).filter((x) => x !== null);
      if (bys.length || dates.length) {
        out.bylines.push(...bys);
        out.dates.push(...dates);
        reason[i] = bys.length ? "byline" : "date";
        continue;
      }
    }
    if (out.headline === null) {
      // A section label in capitals ("WORLD NEWS") above the headline is chrome.
      if (SECTION_LABEL.test(p) && p.split(/\s+/).length <= 3) {
        reason[i] = "boilerplate";
        continue;
      }
      if (looksLikeHeadline(p) || periodHeadline(i, nextKept(reason, i + 1))) {
        out.headline = p;
        reason[i] = "headline";
        continue;
      }
    } else if (matchKey(p) === matchKey(out.headline)) {
      reason[i] = "headline";
      continue;
    }
    reason[i] = isKickerShape(p) ? "kicker" : "boilerplate";
  }
}

// A dateline in capitals after some words, within the first 250 characters.
const INNER_DATELINE =
  /\s(?=[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z. ]{1,20}\))?\s*[—–-]{1,2}\s)/g;

function splitGluedHeadline(para: string): { headline: string; rest: string } | null {
  INNER_DATELINE.lastIndex = 0;
  for (let m = INNER_DATELINE.exec(para); m && m.index < 250; m = INNER_DATELINE.exec(para)) {
    const headline = para.slice(0, m.index).trim();
    const rest = para.slice(m.index + 1);
    if (looksLikeHeadline(headline) && datelineOf(rest)) return { headline, rest };
  }
  return null;
}

// "Bellwether County Says Trump Should Win GOP Nomination.": most words of 4+ letters capitalized.
function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /^[\p{L}'’]{4,}/u.test(w));
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

function nextKept(reason: (Reason | null)[], from: number): number {
  for (let i = from; i < reason.length; i++) if (!reason[i]) return i;
  return -1;
}

function isFirstKept(reason: (Reason | null)[], i: number): boolean {
  return nextKept(reason, 0) === i;
}

// Length of the glued title at the end of `para`, measured on the original characters.
function suffixLength(para: string, title: string): number {
  const key = matchKey(title);
  for (let cut = para.length - 1; cut > 0; cut--) {
    if (matchKey(para.slice(cut)) === key) return para.length - cut;
  }
  return 0;
}

function pushAll(list: string[], items: string[]): void {
  for (const it of items) if (!list.includes(it)) list.push(it);
}
