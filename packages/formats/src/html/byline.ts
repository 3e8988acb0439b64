/** Wire agencies by the names bylines use, mapped to the short form the core's provenance uses. */
const AGENCIES: Array<[RegExp, string]> = [
  [/^(the\s+)?associated\s+press$|^ap$/i, "AP"],
  [/^reuters$|^thomson\s+reuters$/i, "Reuters"],
  [/^afp$|^agence\s+france[-\s]presse$/i, "AFP"],
  [/^bloomberg( news)?$/i, "Bloomberg"],
  [/^(dpa|deutsche presse-agentur)$/i, "dpa"],
  [/^(upi|united press international)$/i, "UPI"],
  [/^(pa|press association|pa media)$/i, "PA"],
  [/^(ansa|efe|xinhua|tass|interfax|ria novosti|kyodo|yonhap|anadolu|ians|pti|aap|cnn wire)$/i, ""],
];

export function agencyOf(s: string): string | null {
  const t = s.trim().replace(/[.]$/, "");
  for (const [re, name] of AGENCIES) if (re.test(t)) return name || t;
  return null;
}

/** Words that make a byline fragment a role or an affiliation rather than a name. */
const ROLE =
  /\b(staff|editorial|admin|administrator|redaktion|redação|redacción|redazione|редакция|writer|reporter|correspondent|editor|editors|contributor|contributing|columnist|journalist|senior|chief|bureau|desk|news|newsroom|team|reporting|special to|for the|published|updated|photograph|photographer|photos?|video|producer|analyst|author|guest|opinion|times|post|daily|magazine|online|media|network|press|tribune|journal|herald|gazette|digital|service|wire|agency|staffer|intern|international|group|institute|university|company|inc|ltd|llc|corp|foundation|associates)\b/i;
const PREFIX =
  /^\s*(by|from|von|por|par|di|de|oleh|door|av|af|автор|авторы|текст|written by|words by|reported by|story by)\s*[:-]?\s+/i;
const MONTH =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/i;

export interface Byline {
  names: string[];
  agency: string | null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

/** A plausible personal name: 1-5 words, each starting with a letter, no digits, not a role or outlet. */
function asName(raw: string, outlets: string[]): string | null {
  let s = raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[-–—:|,.\s]+|[-–—:|,.\s]+$/g, "");
  s = s.replace(PREFIX, "").trim();
  if (!s || /\d|@|https?:|www\.|\.com\b/i.test(s)) return null;
  const lower = s.toLowerCase();
  // "Telegraph Sport", "Condé Nast": the outlet or an organisation, not a person.
  if (
    outlets.some(
      (o) =>
        o &&
        (lower === o.toLowerCase() ||
          o
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.length > 3 && w !== "the" && new RegExp(`\\b${escapeRe(w)}\\b`).test(lower))),
    )
  )
    return null;
  if (ROLE.test(s)) return null;
  const words = s.split(" ");
  // One word is a login or a desk ("admin", "Editorial"); "The ..." is an organisation.
  if (words.length > 5 || words.length < 2 || /^(the|a|an)$/i.test(words[0])) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}.'’-]*$/u.test(w))) return null;
  if (s === s.toUpperCase() && /\p{L}{2}/u.test(s)) s = words.map(titleCase).join(" ");
  return s;
}

/**
 * Reduces bylines to people's names and an agency.
 * "By JANE DOE, Associated Press" -> { names: ["Jane Doe"], agency: "AP" };
 * "By Tom Smith and Ann Lee | Reuters | Nov 18, 2019" -> { names: ["Tom Smith", "Ann Lee"], agency: "Reuters" }.
 */
export function parseByline(lines: string[], outlets: string[] = []): Byline {
  const names: string[] = [];
  let agency: string | null = null;
  for (const line of lines) {
    let s = line.replace(/\s+/g, " ").trim();
    s = s
      .replace(/@\w+/g, " ")
      .replace(/\S+@\S+\.\S+/g, " ")
      .replace(/https?:\/\/\S+/g, " ");
    // Dates and times end a byline ("By Ann Lee November 18, 2019 5:00 PM").
    const m = MONTH.exec(s);
    if (m && /\d/.test(s.slice(m.index, m.index + 20))) s = s.slice(0, m.index);
    s = s.replace(/\b(updated|published|posted)\b.*$/i, "").replace(/\d{1,2}[:.]\d{2}.*$/, "");
    s = s.replace(PREFIX, "");
    // "Finian Cunningham. Sputnik International": a full stop after a word (not an initial) ends the name.
    for (const part of s.split(
      /\s*(?:,|;|\||\/|•|·|\b[Aa][Nn][Dd]\b|\b[Ww][Ii][Tt][Hh]\b|\bund\b|\by\b|\be\b|\bet\b|\bи\b|&|(?<!\b\p{Lu})\.\s)\s*/u,
    )) {
      const p = part.trim();
      if (!p) continue;
      const words = p.replace(PREFIX, "").split(/\s+/);
      // "AP National Political Writer": an agency followed by a role.
      const a = agencyOf(words.join(" ")) ?? agencyOf(words.slice(0, 2).join(" ")) ?? agencyOf(words[0]);
      if (a) {
        agency ??= a;
        continue;
      }
      const n = asName(p, outlets);
      if (n && !names.some((x) => x.toLowerCase() === n.toLowerCase())) names.push(n);
    }
  }
  return { names, agency };
}
