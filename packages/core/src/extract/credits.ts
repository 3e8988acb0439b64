// Bylines and credit lines: the people who wrote, reported, edited a story. They are metadata,
// never body text. Agencies named in a byline ("By JANE DOE, Associated Press") are provenance.
import type { Credit } from "../schema/article.ts";
import { fixAllCapsName, wordCount } from "../text/normalize.ts";
import { canonicalAgency } from "./provenance.ts";

export interface Byline {
  authors: string[];
  /** Canonical agency named in the byline, if any. */
  agency: string | null;
}

// A person's name: 2-4 capitalized tokens, initials and particles allowed ("Antony J. Blinken", "Jan van der Berg").
const NAME_TOKEN = String.raw`(?:[A-Z][\p{L}'’\-]+|[A-Z]\.|[A-Z]\.[A-Z]\.|van|von|der|de|da|del|bin|al|el|le|la|di|du|dos|Mc[A-Z][\p{L}]+|O'[A-Z][\p{L}]+)`;
const NAME = new RegExp(String.raw`^${NAME_TOKEN}(?:\s+${NAME_TOKEN}){1,4}$`, "u");
// Words that make a capitalized pair an outlet or a desk, not a person: "USA TODAY", "HNN Staff".
const OUTLET_WORD =
  /\b(?:news|today|times|post|press|wire|wires|journal|daily|media|staff|network|tribune|herald|gazette|agency|desk|bureau|online|magazine|radio|tv)\b/i;
const isName = (s: string) => NAME.test(s) && !OUTLET_WORD.test(s);
const TRAILING_AGENCY =
  /\s+((?:the\s+)?(?:Associated Press|AP|Reuters|AFP|UPI|Bloomberg(?: News)?|Agence France-Presse))(?:\s+[\w ]{0,30}(?:writer|correspondent|reporter))?$/i;
const BYLINE = /^by\s*[:-]?\s+(.+)$/i;
// Job labels that follow a name in a byline: "By Jane Doe, Staff Writer".
const LABEL =
  /^(?:staff|senior|chief|special|political|foreign|white house|washington|national|contributing)?\s*(?:writer|reporter|correspondent|editor|columnist|contributor|bureau chief)s?$/i;
const SPLIT_NAMES = /\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*)\s*/;

/**
 * True when a string reads as a person's name.
 * @example isPersonName("Humeyra Pamuk") // true
 */
export function isPersonName(s: string): boolean {
  const t = fixAllCapsName(s.trim());
  return isName(t) && !canonicalAgency(t);
}

/**
 * Reads a byline paragraph ("By Humeyra Pamuk and Johan Ahlander", "By JANE DOE, Associated Press",
 * "By Jane Doe | Reuters"). Returns null when the paragraph is not a byline.
 * @example parseByline("By Humeyra Pamuk and Johan Ahlander") // { authors: ["Humeyra Pamuk", "Johan Ahlander"], agency: null }
 */
export function parseByline(paragraph: string): Byline | null {
  const t = paragraph.trim();
  if (t.length > 160 || wordCount(t) > 20) return null;
  const m = BYLINE.exec(t);
  if (!m) return null;
  const authors: string[] = [];
  let agency: string | null = null;
  for (const rawPart of m[1]
    .replace(/\s+(?:[|·•]|[-–—]{1,2})\s+/g, ", ")
    .replace(/[.]$/, "")
    .split(SPLIT_NAMES)) {
    const part = rawPart.trim();
    if (!part) continue;
    const a = canonicalAgency(part);
    if (a) {
      agency ??= a;
      continue;
    }
    if (LABEL.test(part)) continue;
    // "Jane Doe in Moscow", "Jane Doe for The Times": keep the name.
    let name = fixAllCapsName(part.replace(/\s+(?:in|for|at|from)\s+.*$/, ""));
    // AP prints "By MATTHEW LEE Associated Press" without a comma: peel a trailing agency off.
    const trailing = TRAILING_AGENCY.exec(part);
    if (trailing && trailing.index > 0 && canonicalAgency(trailing[1])) {
      agency ??= canonicalAgency(trailing[1]);
      name = fixAllCapsName(part.slice(0, trailing.index).trim());
    }
    if (!isName(name)) {
      // The outlet in a byline ("| The Washington Post", ", CNN") is not an author, and not a reason to reject the line.
      if (OUTLET_WORD.test(part) || /^[A-Z]{2,5}$/.test(part) || /^the\s/i.test(part)) continue;
      return null;
    }
    authors.push(name);
  }
  return authors.length || agency ? { authors, agency } : null;
}

// Credit roles as printed -> the role recorded in `Article.credits`.
const ROLE_WORDS: Array<[RegExp, string]> = [
  [/^additional reporting$/i, "additional reporting"],
  [/^(?:reporting|reported)$/i, "reporting"],
  [/^(?:writing|written)$/i, "writing"],
  [/^(?:editing|edited)$/i, "editing"],
  [/^(?:compiled|compiling)$/i, "compiled"],
  [/^(?:graphics?|photos?|video)$/i, "graphics"],
  [/^(?:research|additional research)$/i, "research"],
  [/^(?:production|produced)$/i, "production"],
];
const ROLE_CLAUSE =
  /^(?:with\s+|and\s+)?(additional reporting|reporting|reported|writing|written|editing|edited|compiled|compiling|graphics?|photos?|video|research|additional research|production|produced)\s+by\s+(.+)$/i;
const CONTRIBUTED =
  /^(.+?)\s+(?:contributed|contributes)\s+(?:reporting|research|to this (?:report|story|article)|additional reporting)(?:\s+(?:from|in)\s+[^.]*)?(?:\s+to this (?:report|story|article))?\.?$/i;

// Cheap pre-check: every credit line names a role with "by" or says "contribut...".
const CREDIT_HINT = /\bby\b|contribut|reporting\s*:/i;
// USA Today style: "Contributing: Kristine Phillips".
const CONTRIBUTING_LABEL = /^(?:contributing|contributors?|additional reporting)\s*:\s*(.+?)\.?$/i;

export interface CreditLine {
  credits: Credit[];
  /** Agencies credited in the line ("The Associated Press contributed to this report."). */
  agencies: string[];
}

/**
 * Reads a credit paragraph: "(Additional reporting by A and B; Writing by C; Editing by D)",
 * "Reporting by A in Moscow; Editing by B", "Anton Troianovski contributed reporting from Moscow."
 * Returns null when the paragraph is not (only) credits.
 * @example parseCreditLine("Anton Troianovski contributed reporting from Moscow.")
 * // { credits: [{ role: "contributor", names: ["Anton Troianovski"] }], agencies: [] }
 */
export function parseCreditLine(paragraph: string): CreditLine | null {
  let t = paragraph.trim();
  if (t.length > 400 || !CREDIT_HINT.test(t)) return null;
  const c = CONTRIBUTED.exec(t) ?? CONTRIBUTING_LABEL.exec(t);
  if (c) return namesToCredit(c[1], "contributor");
  t = t
    .replace(/^[([]\s*/, "")
    .replace(/\s*[)\]]\s*\.?$/, "")
    .replace(/\.$/, "");
  // Clauses are split by ";" (Reuters) or by ", <role> by" ("..., with reporting by X, editing by Y").
  const clauses = t.split(
    /\s*;\s*|,\s*(?=(?:with\s+|and\s+)?(?:additional reporting|reporting|writing|editing|edited|compiled|research|production|produced)\s+by\b)/i,
  );
  const credits: Credit[] = [];
  for (const clause of clauses) {
    const m = ROLE_CLAUSE.exec(clause.trim());
    if (!m) return null;
    const role = ROLE_WORDS.find(([re]) => re.test(m[1]))?.[1] ?? m[1].toLowerCase();
    const names = splitNames(m[2]);
    if (!names) return null;
    if (names.length) credits.push({ role, names });
  }
  return credits.length ? { credits, agencies: [] } : null;
}

function namesToCredit(text: string, role: string): CreditLine | null {
  const agencies: string[] = [];
  const names: string[] = [];
  for (const part of text.replace(/^the\s+/i, "").split(SPLIT_NAMES)) {
    const p = part.trim();
    if (!p) continue;
    const a = canonicalAgency(p);
    if (a) agencies.push(a);
    else if (isName(fixAllCapsName(p))) names.push(fixAllCapsName(p));
    else if (OUTLET_WORD.test(p)) continue;
    else return null;
  }
  if (!names.length && !agencies.length) return null;
  return { credits: names.length ? [{ role, names }] : [], agencies };
}

// "Niklas Pollard in Stockholm, Anna Ringstrom and Simon Lewis" -> names; null if a part is not a name.
function splitNames(text: string): string[] | null {
  const out: string[] = [];
  for (const part of text.split(SPLIT_NAMES)) {
    const p = part.trim().replace(/\s+(?:in|from|at)\s+[A-Z][\p{L} .'-]*$/u, "");
    if (!p) continue;
    const name = fixAllCapsName(p);
    if (!isName(name)) {
      // A location list item after "in X": "Anna Ringstrom in Stockholm, Moscow newsroom" -> skip non-names
      // only when they are clearly places or desks, otherwise this is not a credit line.
      if (/\b(?:newsroom|desk|bureau)\b/i.test(p)) continue;
      return null;
    }
    out.push(name);
  }
  return out;
}
