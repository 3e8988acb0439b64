// Entities in one article: a swappable recognizer marks name spans, then roles (titles, appositions),
// in-article coreference ("Mr. Lavrov", "Lavrov" -> "Sergey V. Lavrov") and aliases are worked out here.
import type { Entity, EntityType } from "../schema/article.ts";
import { CORE_SPEECH, FEMALE_NAMES, HONORIFICS, MALE_NAMES, ROLE_NOUNS, TITLES, speechLemma } from "./gazetteer.ts";
import { isCap } from "./text.ts";
import { gazetteerType, recognizeByRules, type MentionRecognizer, type MentionSpan } from "./mentions.ts";
import { filterPersonSpans, isNotPersonWord } from "./not-people.ts";

export interface ExtractEntitiesOptions {
  /** The name recognizer (default: `recognizeByRules`). A trained NER with the same shape plugs in here. */
  recognize?: MentionRecognizer;
}

export type Gender = "m" | "f" | null;

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
// The head word of each title ("Secretary", "Minister"); the object of "Secretary of State" is not one.
const TITLE_WORDS = new Set(
  TITLES.filter((t) => !/ of /.test(t))
    .map((t) => t.split(" ").pop() as string)
    .concat(["Secretary"]),
);
const ROLE_MODIFIERS = new Set(
  (
    "deputy|senior|former|top|chief|press|foreign|defense|defence|state|national|security|campaign|communications|" +
    "policy|assistant|vice|acting|executive|general|principal|lead|political|economic|military|finance|interior|" +
    "justice|trade|health|education|energy|homeland|intelligence|longtime|veteran|current|then|prime|attorney|" +
    "majority|minority|ranking|presidential|republican|democratic|gop|digital|media|regional|special|co|managing|" +
    "associate|research|legal|public|affairs|white|house|senate|congressional|founding|operations|field|data|" +
    "outgoing|incoming|new|retired|spokes"
  ).split("|"),
);

/** Person names as tokens, without a trailing suffix ("Jr."). */
function nameTokens(name: string): string[] {
  const t = name.split(/\s+/).filter(Boolean);
  while (t.length > 1 && SUFFIX.test(t[t.length - 1])) t.pop();
  return t;
}

const surnameOf = (name: string): string => {
  const t = nameTokens(name);
  return t[t.length - 1] ?? name;
};

/**
 * The last name token of a person's name, used to match speakers.
 * @example surname("Antony J. Blinken") // → "Blinken"; surname("Harry F. Byrd Jr.") // → "Byrd"
 */
export function surname(name: string): string {
  return surnameOf(name);
}

interface PersonCluster {
  forms: Map<string, number>;
  full: string;
  /** Token count of `full`, kept to avoid re-splitting it for every mention. */
  fullLen: number;
  first: string | null;
  surname: string;
  mentions: { start: number; end: number }[];
  roles: string[];
  aliases: Set<string>;
  gender: Gender;
  lastPos: number;
  firstPos: number;
}

/** Role phrase written right before a name: "Secretary of State", "White House press secretary". */
function roleBefore(body: string, start: number): { role: string | null; honorific: string | null; from: number } {
  // Fast exit: most names follow a lower-case function word ("with Lavrov") or punctuation.
  let k = start - 1;
  if (body[k] !== " " && body[k] !== "\u00a0") return { role: null, honorific: null, from: start };
  k--;
  const c = body.charCodeAt(k);
  const lowerPrev = c >= 97 && c <= 122;
  if (!lowerPrev && !((c >= 65 && c <= 90) || c === 46 || c > 127)) return { role: null, honorific: null, from: start };
  if (lowerPrev) {
    let w = k;
    while (w > 0 && /[a-z-]/.test(body[w - 1])) w--;
    const word = body.slice(w, k + 1);
    // "State" in "Secretary of State": a capitalised word goes on to the full check.
    const capitalised = w > 0 && /[A-Z]/.test(body[w - 1]);
    if (!capitalised && !ROLE_NOUNS.has(word) && !ROLE_MODIFIERS.has(word))
      return { role: null, honorific: null, from: start };
  }
  const left = body.slice(Math.max(0, start - 120), start);
  const words = left.split(/(\s+)/);
  // Walk back over words separated by single spaces.
  const picked: string[] = [];
  let honorific: string | null = null;
  let i = words.length - 1;
  if (words[i] === "") i--;
  let consumed = 0;
  while (i >= 0) {
    const sp = words[i];
    if (!/^[ \t\u00a0]+$/.test(sp)) break;
    const w = words[i - 1];
    if (w === undefined) break;
    const bare = w.replace(/['’]s$/, "");
    const lower = bare.toLowerCase();
    const isTitle = TITLE_WORDS.has(bare) || HONORIFICS.has(bare);
    const ok =
      isTitle ||
      /^\p{Lu}[\p{L}.&-]*$/u.test(bare) ||
      /^(?:\p{Lu}\.)+$/u.test(bare) ||
      ROLE_NOUNS.has(lower) ||
      ROLE_MODIFIERS.has(lower) ||
      (lower === "of" && picked.length > 0);
    if (!ok || /[,;:()"“”]/.test(w)) break;
    // "Union." ends a sentence; "U.S." and "Sen." do not.
    if (/\.$/.test(w) && !isTitle && !/^(?:\p{L}\.)+$/u.test(w)) break;
    if (picked.length === 0 && HONORIFICS.has(bare)) honorific = bare;
    picked.unshift(w);
    consumed += sp.length + w.length;
    i -= 2;
    if (honorific) break;
    if (picked.length > 8) break;
  }
  while (picked.length && /^(?:The|A|An|the|a|an|of|But|And|On|In|As|At)$/.test(picked[0])) {
    consumed -= picked[0].length + 1;
    picked.shift();
  }
  // The phrase must end in a title or a role noun, else it is just preceding capitalised words.
  if (picked.length) {
    const lastW = picked[picked.length - 1].replace(/['’]s$/, "");
    const joined = picked.join(" ");
    const titled =
      TITLE_WORDS.has(lastW) ||
      ROLE_NOUNS.has(lastW.toLowerCase()) ||
      HONORIFICS.has(lastW) ||
      TITLES.some((t) => joined.endsWith(t));
    if (!titled) return { role: null, honorific, from: start };
  }
  const roleWords = picked.filter((w) => !HONORIFICS.has(w));
  const role = roleWords.length ? roleWords.join(" ") : null;
  return { role, honorific, from: start - consumed };
}

const hasRoleWord = (phrase: string): boolean =>
  phrase
    .split(/\s+/)
    .some((w) => ROLE_NOUNS.has(w.replace(/[,.'’s]+$/, "").toLowerCase()) || TITLE_WORDS.has(w.replace(/[,.]+$/, "")));

/** Apposition after a name: "Jalina Porter, the State Department's deputy spokeswoman," */
function roleAfter(body: string, end: number): string | null {
  if (body.charCodeAt(end) !== 44) return null; // an apposition starts with a comma
  const m =
    /^,\s+((?:the|a|an|his|her|its|their)\s+)?([^,.;:"“”()\n]{3,110}?)(?=[,.;:]|\s+(?:said|says|told|who|and)\b)/.exec(
      body.slice(end, end + 140),
    );
  if (!m) return null;
  const phrase = m[2].trim();
  if (!m[1] && !/^(?:former|\p{Lu})/u.test(phrase)) return null;
  if (!hasRoleWord(phrase)) return null;
  if (/^(?:said|says|told|who|which|and|but)\b/.test(phrase)) return null;
  return phrase;
}

/** Apposition before a name: "Russia's foreign minister, Sergey V. Lavrov," */
function roleBeforeComma(body: string, start: number): string | null {
  // Cheap test first: this runs for every mention and the regex below is not free.
  let i = start - 1;
  while (i >= 0 && (body[i] === " " || body[i] === "\u00a0")) i--;
  if (body[i] !== ",") return null;
  const left = body.slice(Math.max(0, start - 80), start);
  const m = /(?:^|[\s(])((?:the|a|an)\s+)?((?:[\p{L}.’'-]+\s+){0,6}[\p{L}.’'-]+),\s+$/u.exec(left);
  if (!m) return null;
  let words = m[2].split(/\s+/);
  const last = words[words.length - 1].toLowerCase();
  if (!ROLE_NOUNS.has(last) && !TITLE_WORDS.has(words[words.length - 1])) return null;
  // Keep the noun phrase: modifiers, capitalised words and possessives back from the role noun.
  let k = words.length - 1;
  while (k > 0) {
    const w = words[k - 1];
    const bare = w.replace(/['’]s$/, "");
    if (/^(?:the|a|an)$/i.test(w)) break;
    if (
      ROLE_MODIFIERS.has(bare.toLowerCase()) ||
      ROLE_NOUNS.has(bare.toLowerCase()) ||
      /^\p{Lu}/u.test(bare) ||
      /['’]s$/.test(w)
    )
      k--;
    else break;
  }
  words = words.slice(k);
  return words.join(" ");
}

/**
 * Gender of a person entity when the article (honorific, role noun) or a given-name list says it; null when unknown.
 * @example entityGender({ name: "Jalina Porter", aliases: [], roles: [], role: "deputy spokeswoman" }) // → "f"
 */
export function entityGender(e: Pick<Entity, "name" | "aliases" | "roles" | "role">): Gender {
  const all = [e.name, ...e.aliases];
  if (all.some((a) => /^Mr\.?\s/.test(a))) return "m";
  if (all.some((a) => /^(?:Mrs|Ms)\.?\s/.test(a))) return "f";
  const roles = [e.role ?? "", ...(e.roles ?? [])].join(" ");
  if (/\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|Queen|Princess)\b/i.test(roles)) return "f";
  if (/\b(?:spokesman|chairman|congressman|businessman|King|Prince)\b/.test(roles)) return "m";
  const first = nameTokens(e.name)[0];
  if (first && e.name.includes(" ")) {
    if (FEMALE_NAMES.has(first)) return "f";
    if (MALE_NAMES.has(first)) return "m";
  }
  return null;
}

const normOrg = (s: string): string => s.replace(/^(?:the|The)\s+/, "");

/**
 * Finds the people, organizations and places of an article body, resolved in-article: each entity has the
 * fullest name the article gives, its role (title or apposition), aliases and every mention span.
 *
 * @example
 * extractEntities("Secretary of State Antony J. Blinken met Russia's foreign minister, Sergey V. Lavrov. Mr. Lavrov said no.")
 * // → [{ name: "Antony J. Blinken", type: "person", role: "Secretary of State", ... },
 * //    { name: "Sergey V. Lavrov", role: "Russia's foreign minister", aliases: ["Mr. Lavrov", ...], ... }, ...]
 */
export function extractEntities(body: string, opts: ExtractEntitiesOptions = {}): Entity[] {
  const recognize = opts.recognize ?? recognizeByRules;
  const spans = filterPersonSpans(body, recognize(body)).sort((a, b) => a.start - b.start);
  const people: PersonCluster[] = [];
  const bySurname = new Map<string, PersonCluster[]>();

  const surnameFollowers = (s: MentionSpan): boolean => {
    // "Lavrov said", "Lavrov told reporters": an unknown single name followed by a speech verb is a person.
    const m = /^\s+(?:also\s+|later\s+|then\s+)?([a-z]+)/.exec(body.slice(s.end, s.end + 30));
    if (!m) return false;
    const l = speechLemma(m[1]);
    return l !== null && CORE_SPEECH.has(l);
  };

  const addPerson = (s: MentionSpan, name: string, create: boolean): void => {
    const toks = nameTokens(name);
    if (!toks.length) return;
    const sn = toks[toks.length - 1];
    const before = roleBefore(body, s.start);
    const cands = bySurname.get(sn) ?? [];
    let c: PersonCluster | undefined;
    if (toks.length > 1) {
      // Same surname and a compatible first name (equal, initial, or one of the forms has none).
      c = cands.find(
        (p) =>
          !p.first ||
          p.first === toks[0] ||
          (p.first[0] === toks[0][0] && (p.first.endsWith(".") || toks[0].endsWith("."))),
      );
      if (!c && cands.length === 1 && !cands[0].first) c = cands[0];
      // "Sergey Lavrov" / "Sergei Lavrov" in one text are the same man; different initials are not.
      if (!c)
        c = cands.find((p) => p.first && p.first[0] === toks[0][0] && p.first.slice(0, 4) === toks[0].slice(0, 4));
    } else {
      if (cands.length === 1) c = cands[0];
      else if (cands.length > 1) {
        // Two people share a surname (Bill and Hillary Clinton): the one just named, else the one the
        // article talks about most (a passing "Ivanka Trump" does not take over every later "Trump").
        const recent = cands.reduce((a, b) => (b.lastPos > a.lastPos ? b : a));
        const main = cands.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
        c = s.start - recent.lastPos < 300 ? recent : main;
      } else {
        // A first name alone ("Hillary") refers to the unique person with that first name.
        const byFirst = people.filter((p) => p.first === toks[0]);
        if (byFirst.length === 1) c = byFirst[0];
      }
    }
    if (!c) {
      if (!create) return;
      c = {
        forms: new Map(),
        full: name,
        fullLen: toks.length,
        first: toks.length > 1 ? toks[0] : null,
        surname: sn,
        mentions: [],
        roles: [],
        aliases: new Set(),
        gender: null,
        lastPos: s.start,
        firstPos: s.start,
      };
      people.push(c);
      bySurname.set(sn, [...cands, c]);
    }
    if (toks.length > 1 && !c.first) c.first = toks[0];
    c.forms.set(name, (c.forms.get(name) ?? 0) + 1);
    if (toks.length > c.fullLen || (toks.length === c.fullLen && name.length > c.full.length)) {
      c.full = name;
      c.fullLen = toks.length;
    }
    c.mentions.push({ start: s.start, end: s.end });
    c.lastPos = s.start;
    if (before.honorific) c.aliases.add(`${before.honorific} ${name}`);
    const roles = [before.role, roleAfter(body, s.end), roleBeforeComma(body, before.from)].map(singularRole);
    for (const r of roles) if (r && !c.roles.includes(r)) c.roles.push(r);
  };

  // Pass 1: multi-word person names create people; pass 2: single names join them or stand alone.
  const orgs = new Map<
    string,
    { name: string; aliases: Set<string>; mentions: { start: number; end: number }[]; first: number }
  >();
  const places = new Map<
    string,
    { name: string; aliases: Set<string>; mentions: { start: number; end: number }[]; first: number }
  >();
  const singles: MentionSpan[] = [];
  for (const s of spans) {
    const text = body.slice(s.start, s.end);
    if (s.type === "PER") {
      if (text.includes(" ")) addPerson(s, text, true);
      else singles.push(s);
    } else if (
      s.type === "MISC" &&
      text.length > 1 &&
      !text.includes(" ") &&
      isCap(text) &&
      text !== text.toUpperCase()
    )
      singles.push(s);
  }
  const firstNames = new Set(people.map((p) => p.first).filter((f): f is string => f !== null));
  // A single name is a person if any of its occurrences is (an honorific, a speech verb after it), so
  // "Sanders" early in the text joins the "Sanders said" further down.
  const usable = (text: string) =>
    !(gazetteerType(text) || TITLE_WORDS.has(text) || TITLE_WORDS.has(text.replace(/s$/, "")) || isNotPersonWord(text));
  const personNames = new Set<string>();
  for (const s of singles) {
    const text = body.slice(s.start, s.end);
    if (personNames.has(text) || !usable(text)) continue;
    if (s.type === "PER" || roleBefore(body, s.start).honorific !== null || surnameFollowers(s)) personNames.add(text);
  }
  for (const s of singles) {
    const text = body.slice(s.start, s.end);
    if (!usable(text)) continue;
    const known = bySurname.has(text) || firstNames.has(text);
    const create = personNames.has(text);
    if (known || create) addPerson(s, text, create);
  }
  for (const s of spans) {
    if (s.type !== "ORG" && s.type !== "LOC") continue;
    const raw = body.slice(s.start, s.end);
    // A name the text already uses for a person ("Clinton" in "Clinton Foundation" aside) stays a person.
    if (bySurname.has(raw)) continue;
    const name = normOrg(raw);
    const table = s.type === "ORG" ? orgs : places;
    const key = name.toLowerCase();
    let e = table.get(key);
    // "RIGA, Latvia -": a dateline's capitals give way to the ordinary spelling.
    if (e && e.name === e.name.toUpperCase() && name !== name.toUpperCase()) e.name = name;
    if (!e) {
      e = { name, aliases: new Set(), mentions: [], first: s.start };
      table.set(key, e);
    }
    e.mentions.push({ start: s.start, end: s.end });
    // "U.S. Treasury Department" is also "Treasury Department".
    const bare = name.replace(/^(?:U\.S\.|US|American|Russian|Ukrainian|British|German|French|Chinese)\s+/, "");
    if (bare !== name && s.type === "ORG") e.aliases.add(bare);
  }
  // Merge an organisation into a longer one that ends with it ("Foreign Ministry" -> "Russian Foreign Ministry").
  for (const [k, e] of orgs) {
    const longer = [...orgs.values()].filter((o) => o !== e && o.name.endsWith(` ${e.name}`));
    if (longer.length === 1) {
      longer[0].mentions.push(...e.mentions);
      longer[0].aliases.add(e.name);
      orgs.delete(k);
    }
  }

  type Draft = { first: number; entity: Omit<Entity, "id"> };
  const drafts: Draft[] = [];
  for (const p of people) {
    const aliases = new Set<string>();
    for (const f of p.forms.keys()) if (f !== p.full) aliases.add(f);
    for (const a of p.aliases) aliases.add(a);
    const roles = p.roles.slice().sort((a, b) => specificity(b) - specificity(a));
    drafts.push({
      first: p.firstPos,
      entity: {
        name: p.full,
        type: "person" as EntityType,
        role: roles[0] ?? null,
        roles: p.roles,
        aliases: [...aliases],
        mentions: p.mentions.sort((a, b) => a.start - b.start),
      },
    });
  }
  for (const [table, type] of [
    [orgs, "organization"],
    [places, "place"],
  ] as const) {
    for (const e of table.values()) {
      drafts.push({
        first: e.first,
        entity: {
          name: e.name,
          type,
          role: null,
          roles: [],
          aliases: [...e.aliases],
          mentions: e.mentions.sort((a, b) => a.start - b.start),
        },
      });
    }
  }
  drafts.sort((a, b) => a.first - b.first);
  return drafts.map((d, i) => ({ id: `e${i + 1}`, ...d.entity }));
}

/** "Presidents Biden and Putin": each person holds the title in the singular ("President"). */
function singularRole(role: string | null): string | null {
  if (!role) return role;
  const words = role.split(" ");
  const last = words[words.length - 1];
  const single = last.replace(/s$/, "");
  if (last !== single && (TITLE_WORDS.has(single) || ROLE_NOUNS.has(single.toLowerCase()))) {
    words[words.length - 1] = single;
    return words.join(" ");
  }
  return role;
}

/** Prefers a title-like role ("Secretary of State") over a long apposition; among equals, the first. */
function specificity(role: string): number {
  const words = role.split(/\s+/).length;
  const titled = role.split(/\s+/).some((w) => TITLE_WORDS.has(w)) ? 2 : 0;
  const noun = hasRoleWord(role) ? 1 : 0;
  return titled + noun - (words > 8 ? 1 : 0);
}
