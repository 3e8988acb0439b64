// Provenance: which wire agency a copy comes from, whether it is a republished copy of another
// outlet's story, and which agencies contributed material. One canonical agency naming scheme
// is used everywhere in newsfuse: the short form each agency uses for itself in datelines.

const AGENCY_ALIASES: Array<[RegExp, string]> = [
  [/^(?:the )?(?:ap|a\.p\.|associated press)(?: writer| news| photo)?$/i, "AP"],
  [/^(?:thomson )?reuters$/i, "Reuters"],
  [/^(?:afp|agence france[- ]presse|agence france presse)$/i, "AFP"],
  [/^(?:upi|united press international)$/i, "UPI"],
  [/^(?:dpa|deutsche presse[- ]agentur)$/i, "dpa"],
  [/^(?:bloomberg(?: news)?)$/i, "Bloomberg"],
  [/^(?:xinhua(?: news agency)?)$/i, "Xinhua"],
  [/^(?:tass|itar[- ]tass)$/i, "TASS"],
  [/^(?:ria(?: novosti)?)$/i, "RIA Novosti"],
  [/^(?:interfax)$/i, "Interfax"],
  [/^(?:ansa)$/i, "ANSA"],
  [/^(?:efe)$/i, "EFE"],
  [/^(?:pa|press association|pa media)$/i, "PA"],
  [/^(?:aap|australian associated press)$/i, "AAP"],
  [/^(?:cp|the canadian press|canadian press)$/i, "CP"],
  [/^(?:kyodo(?: news)?)$/i, "Kyodo"],
  [/^(?:yonhap)$/i, "Yonhap"],
  [/^(?:pti|press trust of india)$/i, "PTI"],
  [/^(?:ani)$/i, "ANI"],
  [/^(?:ians)$/i, "IANS"],
];

/**
 * The canonical short name of a news agency ("Associated Press" -> "AP"), or null when the
 * name is not a known agency.
 * @example canonicalAgency("the Associated Press") // "AP"
 */
export function canonicalAgency(name: string): string | null {
  const n = name.trim().replace(/[.,;:]+$/, "");
  for (const [re, canon] of AGENCY_ALIASES) if (re.test(n)) return canon;
  return null;
}

// "X is an automatic aggregator of ...", "All trademarks belong to their rightful owners",
// "If you are the owner of the content ..." : the fingerprints of scraper sites republishing copy.
const AGGREGATOR = [
  /\bis an? (?:automatic|automated|news) (?:news )?aggregator\b/i,
  /\ball trademarks belong to their (?:rightful|respective) owners\b/i,
  /\bif you are the owner of the content\b/i,
  /\bthe hyperlink to the primary source\b/i,
  /\b(?:this|the) (?:article|story|post|content) (?:was|has been) (?:automatically )?(?:generated|aggregated|curated) (?:from|by)\b/i,
];

// One cheap scan before the precise patterns; this runs on every paragraph.
const AGGREGATOR_HINT = /aggregat|trademarks|owner of the content|primary source/i;

/**
 * True when a paragraph is an aggregator's disclaimer (the site republishes other outlets' copy).
 * @example isAggregatorDisclaimer("USTimeToday is an automatic aggregator of the all world's media.") // true
 */
export function isAggregatorDisclaimer(paragraph: string): boolean {
  return AGGREGATOR_HINT.test(paragraph) && AGGREGATOR.some((re) => re.test(paragraph));
}

const ORIGIN =
  /^(?:this (?:article|story|report|piece|post) (?:was |is )?(?:originally |first )?(?:published|appeared|ran)(?: originally| first)? (?:on|in|by|at)|(?:originally|first) (?:published|appeared) (?:on|in|by|at)|republished (?:with permission )?(?:from|by))\s+([A-Z][\w.&'’ -]{1,60}?)(?:\s+(?:on|at)\s+.*)?[.)]?$/i;

/**
 * The outlet a paragraph says this copy was first published by ("This story originally appeared
 * in The Guardian." -> "The Guardian"), agencies in canonical form; null when it says nothing of it.
 * @example republishedOrigin("This article originally appeared on Reuters.") // "Reuters"
 */
export function republishedOrigin(paragraph: string): string | null {
  if (paragraph.length > 200) return null;
  const m = ORIGIN.exec(paragraph.trim());
  if (!m) return null;
  const name = m[1].trim();
  return canonicalAgency(name) ?? name;
}

const MATERIAL = [
  /^(?:some |additional )?(?:material|information|reporting|details)(?: for| in| used in)? (?:this|the) (?:report|story|article)(?: came| was taken| was obtained)? from (?:the )?(.+?)\.?$/i,
  /^(?:some |additional )?(?:material|information) from (?:the )?(.+?) (?:was|were) used in (?:this|the) (?:report|story|article)\.?$/i,
  /^(?:the )?(.+?) contributed (?:reporting )?to this (?:report|story|article)\.?$/i,
  /^(?:with )?(?:additional )?(?:reporting|wire reports?|material) (?:by|from) (?:the )?(.+?)\.?$/i,
  /^[([]?(?:with )?(?:wire services|(.+?) wire services?)[)\]]?\.?$/i,
];

/**
 * Agencies a credit paragraph says contributed material ("Some material in this report came
 * from the Associated Press." -> ["AP"]). Only agencies count; people are credits, not provenance.
 * @example materialAgencies("Some material in this report came from the Associated Press.") // ["AP"]
 */
export function materialAgencies(paragraph: string): string[] {
  const p = paragraph.trim();
  if (p.length > 200) return [];
  for (const re of MATERIAL) {
    const m = re.exec(p);
    if (!m?.[1]) continue;
    const found: string[] = [];
    for (const part of m[1].split(/\s*(?:,|\band\b|&)\s*(?:the\s+)?/i)) {
      const a = canonicalAgency(part);
      if (a && !found.includes(a)) found.push(a);
    }
    if (found.length) return found;
  }
  return [];
}
