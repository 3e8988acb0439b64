// Query parameters that only say how a reader arrived (campaign tags, click ids): one article reached
// through two of them is one article.
const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|oly_anon_id|oly_enc_id|vero_id|wt_mc|cmpid|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|smid|sr_share)$/i,
];

/**
 * The one URL an article is known by: scheme and host lower-cased, default port and fragment dropped,
 * tracking parameters stripped (the other parameters keep their order: some sites route on them).
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.username = "";
  u.password = "";
  const kept = [...u.searchParams].filter(([k]) => !TRACKING.some((re) => re.test(k)));
  u.search = "";
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.toString();
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s.trim());
}

/** The page's own `<link rel="canonical">`, resolved against its URL; null when absent or not http(s). */
export function pageCanonical(html: string, pageUrl: string): string | null {
  const head = html.slice(0, 200_000);
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?[^"'>]*\bcanonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value) return canonicalUrl(value.replace(/&amp;/g, "&"), pageUrl);
  }
  return null;
}
