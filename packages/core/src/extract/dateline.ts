// Datelines: the place (and agency) a wire story is filed from, printed before the first
// sentence: "GENEVA (AP) —", "RIGA, Latvia -", "(Reuters) –", "WASHINGTON, Dec 2 (Reuters) -".
import { canonicalAgency } from "./provenance.ts";

export interface DatelineMatch {
  place: string | null;
  agency: string | null;
  /** Raw agency text as printed, e.g. "Reuters". */
  agencyText: string | null;
  /** A short date printed in the dateline ("Dec 2"), without year. */
  dateText: string | null;
  /** Length of the dateline prefix in the paragraph, dash and following space included. */
  length: number;
}

// Place in capitals: "WASHINGTON", "NEW YORK", "ST. LOUIS", "RIO DE JANEIRO", "KYIV, Ukraine".
const CAPS_PLACE = String.raw`[A-Z][A-Z.'’\-]*(?:\s+(?:[A-Z][A-Z.'’\-]*|de|del|da|do|la|el|al|es))*`;
// Region after the comma: "Latvia", "Calif.", "N.Y.", "United Kingdom".
const REGION = String.raw`[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}`;
const SHORT_DATE = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?`;
const AGENCY = String.raw`\(([A-Za-z][A-Za-z.&'\- ]{0,30}[A-Za-z.])\)`;
const DASH = String.raw`\s*(?:[—–]|--?|:)\s*`;

const WITH_PLACE = new RegExp(
  String.raw`^(${CAPS_PLACE})(?:,\s*(${REGION}))?(?:,?\s+(${SHORT_DATE}))?\s*(?:${AGENCY})?${DASH}(?=\S)`,
);
const AGENCY_ONLY = new RegExp(String.raw`^(?:(${SHORT_DATE})\s*)?${AGENCY}${DASH}(?=\S)`);
// Reuters' mixed-case variant: "Stockholm (Reuters) -".
const MIXED_PLACE_AGENCY = new RegExp(
  String.raw`^([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:,\s*(${REGION}))?\s*${AGENCY}${DASH}(?=\S)`,
);

// Capitals at the start of a sentence that are not places.
const NOT_PLACES = new Set([
  "U.S.",
  "US",
  "UN",
  "U.N.",
  "EU",
  "NATO",
  "UPDATE",
  "BREAKING",
  "EXCLUSIVE",
  "ANALYSIS",
  "OPINION",
  "WATCH",
  "VIDEO",
  "PHOTOS",
  "I",
  "A",
  "FILE",
  "NOTE",
  "EDITOR'S NOTE",
  "CORRECTION",
]);

/**
 * Reads a dateline at the start of a paragraph.
 * @example parseDateline("GENEVA (AP) — U.S. Secretary ...") // { place: "GENEVA", agency: "AP", ... }
 */
export function parseDateline(paragraph: string): DatelineMatch | null {
  let m = WITH_PLACE.exec(paragraph);
  if (m) {
    const place = m[1].trim();
    const agencyText = m[4] ?? null;
    const agency = agencyText ? plausibleAgency(agencyText) : null;
    const usesColon = /:\s*$/.test(m[0]);
    // A bare "WORD:" is a label ("UPDATE:"), not a dateline, unless an agency or region backs it.
    if (NOT_PLACES.has(place) || place.length < 3 || /\d/.test(place)) m = null;
    else if (agencyText && !agency) m = null;
    else if (usesColon && !agency && !m[2]) m = null;
    if (m) {
      return {
        place: m[2] ? `${place}, ${m[2].trim()}` : place,
        agency,
        agencyText,
        dateText: m[3] ?? null,
        length: m[0].length,
      };
    }
  }
  m = AGENCY_ONLY.exec(paragraph);
  if (m) {
    const agency = plausibleAgency(m[2]);
    if (agency) return { place: null, agency, agencyText: m[2], dateText: m[1] ?? null, length: m[0].length };
  }
  m = MIXED_PLACE_AGENCY.exec(paragraph);
  if (m) {
    const agency = canonicalAgency(m[3]);
    if (agency) {
      const place = m[2] ? `${m[1]}, ${m[2].trim()}` : m[1];
      return { place, agency, agencyText: m[3], dateText: null, length: m[0].length };
    }
  }
  return null;
}

// In a dateline, parentheses hold an agency or an outlet ("(CNN)"); a known agency is canonicalized,
// an unknown short capitalized name is kept as printed.
function plausibleAgency(text: string): string | null {
  const known = canonicalAgency(text);
  if (known) return known;
  const t = text.trim();
  if (/^[A-Z][A-Za-z.&'-]*(?:\s+[A-Z][A-Za-z.&'-]*){0,2}$/.test(t) && !/photo|file|video|update/i.test(t)) return t;
  return null;
}
