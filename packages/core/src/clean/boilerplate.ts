// Site chrome recognised by its wording. Patterns are anchored to whole paragraphs so a sentence
// that merely mentions "related articles" is never removed. Structure (see `clean.ts`) catches
// what these lists miss.
import { wordCount } from "../text/normalize.ts";

const CHROME: RegExp[] = [
  // navigation and related-content blocks
  /^(?:related(?: articles?| stories| posts| news| content| coverage| links| reading| topics)?|more (?:on this|from|stories|news|like this)\b.*|read (?:more|next|also)|see also|also read|you (?:may|might) (?:also )?like|recommended(?: for you| stories)?|trending(?: now)?|most (?:read|popular|viewed)|top stories|latest news|more news|further reading|what to read next)\s*:?\.?$/i,
  /^(?:read more|read also|also read|related|see also|more on this|more from \w+)\s*:\s*.{0,160}$/i,
  /^(?:back to top(?: button)?|skip to (?:main )?content|scroll to top|go to top|top of page|jump to comments|previous (?:article|post|story)|next (?:article|post|story))[\s:.!»>›]*$/i,
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|paid content|story continues below(?: advertisement)?|continue reading(?: below)?|article continues below(?: this ad)?|scroll to continue(?: with content)?)\s*\.?$/i,
  // comments
  /^(?:be the first to comment|leave a (?:reply|comment)|post a comment|add a comment|(?:\d+ )?comments?|no comments(?: yet)?|join the (?:conversation|discussion)|view comments|show comments|comment on this (?:story|article)|what do you think|you must be logged in to post a comment|cancel reply)[\s:.!?()\d]*$/i,
  /^(?:your email address will not be published|required fields are marked)\b.*$/i,
  // sharing and follow prompts
  /^(?:share(?: this)?(?: article| story| post| on \w+)?|share via|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram)(?:\s*[|,:/]\s*(?:share|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|x))*\s*:?$/i,
  /^(?:follow us on|like us on|find us on|connect with us on)\b.{0,80}$/i,
  /^join (?:our|the) .{0,60}\b(?:forums?|community|newsletter|discord|facebook group|mailing list)\b.{0,200}$/i,
  /^(?:click here to|tap here to)\b.{0,160}$/i,
  // newsletters, subscriptions, cookies
  /^(?:sign up (?:for|to)|subscribe (?:to|now|for)|get (?:our|the) (?:free )?(?:newsletter|daily|morning|evening)|newsletter sign[- ]?up|already (?:a subscriber|have an account)|log ?in to (?:read|continue)|become a (?:member|subscriber))\b.{0,200}$/i,
  /^(?:we use cookies|this (?:site|website) uses cookies|by (?:continuing to use|using) this (?:site|website)|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b.{0,250}$/i,
  /^(?:©|\(c\)\s|copyright\s*(?:©|\(c\))?\s*\d{4}\b).{0,250}$/i,
  /^.{0,120}\ball rights reserved\.?$/i,
  /^(?:this (?:material|article) may not be published, broadcast, rewritten,? or redistributed)\b.*$/i,
  // print and newsroom notes
  /^a version of this (?:article|story|report) (?:appears?|appeared|was published) in print\b.{0,300}$/i,
  /^our standards\s*:.{0,80}$/i,
  /^(?:follow|contact|email|reach) (?:the (?:author|reporter|writer)|us|him|her|[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+){0,2}) (?:on|at|via) (?:twitter|x|facebook|instagram|threads|bluesky|linkedin|[\w.+-]+@[\w.-]+|@\w+)\b.{0,80}$/iu,
  /^(?:have|got) a (?:news )?tip\??.{0,120}$/i,
  /^(?:image|photo|picture|graphic)s?\s*(?:credit|source)\s*:\s*.{0,120}$/i,
  /^(?:photo|image|picture)s?\s*:\s*[\p{Lu}][\p{L}.'’ -]{1,60}(?:\/\s*[\p{L}.' ]{1,40})?$/iu,
  /^(?:(?:\d+|one|two|three|four|five) min(?:ute)?s? read|reading time:?.{0,20})$/i,
  /^(?:tags?|topics?|filed under|categories|category)\s*:.{0,200}$/i,
];

// Headings of a block of teaser links: "More Great WIRED Stories", "Related Articles", "You may also like".
const TEASER_HEADING =
  /^(?:(?:more|related|recommended|popular|top|latest|trending|other|further)\b.{0,40}\b(?:stories|articles|news|reads|posts|content|coverage|reading|videos)|related|read (?:more|next|also)|see also|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)|what to read next)\s*:?$/i;

/**
 * True for the heading of a block of teaser links ("More Great WIRED Stories", "Related Articles").
 * @example isTeaserHeading("More Great WIRED Stories") // true
 */
export function isTeaserHeading(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length <= 60 && TEASER_HEADING.test(p);
}

/**
 * True when a paragraph is site chrome by its wording ("Related Articles", "Back to top button",
 * "Be the first to comment", "leave a reply:", share/newsletter/cookie prompts).
 * @example isChrome("Back to top button") // true
 */
export function isChrome(paragraph: string): boolean {
  const p = paragraph.trim();
  // Chrome is short; a long paragraph that ends a sentence is prose.
  if (
    p.length > 300 ||
    (p.length > 160 &&
      /[.!?]["'\u201d\u2019]?$/.test(p) &&
      !/rights reserved|cookies|newsletter|subscri|join our|in print/i.test(p))
  )
    return false;
  for (const re of CHROME) if (re.test(p)) return true;
  return false;
}

const TERMINAL = /[.!?…。！？]["'\u201d\u2019)\]」』]*$/;
const HAS_QUOTE = /["\u201c\u201d]/;

/**
 * True for a short line with no sentence punctuation and no quotation: the shape of navigation
 * labels and teaser headlines at the edges of a scraped page.
 * @example isEdgeFragment("Back to top button") // true
 */
export function isEdgeFragment(paragraph: string, maxWords = 15): boolean {
  const p = paragraph.trim();
  if (!p) return true;
  if (TERMINAL.test(p) || HAS_QUOTE.test(p)) return false;
  return wordCount(p) <= maxWords;
}

/**
 * True when a paragraph reads as prose (ends a sentence, or is long).
 * @example isProse("Blinken spoke to reporters in Stockholm on Thursday.") // true
 */
export function isProse(paragraph: string): boolean {
  const p = paragraph.trim();
  return TERMINAL.test(p) || wordCount(p) > 25;
}
