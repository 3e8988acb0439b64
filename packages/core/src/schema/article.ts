import { z } from "zod";

/** A character range in `Article.body` (UTF-16 offsets, end exclusive). */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

export const EntityType = z.enum(["person", "organization", "place"]);
export type EntityType = z.infer<typeof EntityType>;

/** An entity inside one article: every mention of it, resolved in-article ("Mr. Lavrov" -> "Sergey V. Lavrov"). */
export const Entity = z.object({
  /** Article-local id, e.g. "e3"; quotes point at it through `speakerId`. */
  id: z.string(),
  name: z.string(),
  type: EntityType,
  /** The most specific role the article gives ("Secretary of State"), or null. */
  role: z.string().nullable(),
  roles: z.array(z.string()).default([]),
  aliases: z.array(z.string()),
  mentions: z.array(Span).default([]),
});
export type Entity = z.infer<typeof Entity>;

export const SpeakerKind = z.enum(["person", "organization", "description"]);
export type SpeakerKind = z.infer<typeof SpeakerKind>;

/** A direct quotation. `start`/`end` cover the quoted words, without the marks. */
export const Quote = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  speakerKind: SpeakerKind.nullable().default(null),
  /** Article-local entity id of the speaker, when the speaker is a recognised entity. */
  speakerId: z.string().nullable().default(null),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** True when the quote is a fragment inside a paraphrase ("called it 'ridiculous'"). */
  partial: z.boolean().default(false),
  /** The attribution cue ("he said", "Blinken told reporters"), when one was found. */
  cue: Span.nullable().default(null),
});
export type Quote = z.infer<typeof Quote>;

/**
 * When a figure holds, as the text says it. `current`: at the article's own date (nothing said);
 * `past`: an earlier, unstated time ("its previous 100,000 troops"); `dated`: the words name a time
 * ("in June", "last year", "in 2020"), and `date` is that time (ISO year, month or day) once known:
 * relative words are resolved against the article's date, so an undated article leaves it null.
 */
export const ClaimTime = z.object({
  relation: z.enum(["current", "past", "dated"]),
  /** The words that date the figure ("previous", "in June", "last year"), or null. */
  text: z.string().nullable(),
  date: z.string().nullable(),
});
export type ClaimTime = z.infer<typeof ClaimTime>;

/** A numeric claim: "more than 100,000 Russian troops". */
export const NumberClaim = z.object({
  text: z.string(),
  value: z.number(),
  /** "more than", "nearly", "about" ... or null for a bare figure. */
  qualifier: z.string().nullable().default(null),
  /** "percent", a currency code ("USD") for money, or null for a count. */
  unit: z.string().nullable().default(null),
  /** ISO 4217 code of a sum of money ("$11 billion" -> "USD"), or null. */
  currency: z.string().nullable().default(null),
  subject: z.string().nullable(),
  /** Who the sentence says gives the figure ("Ukraine says ...", "Zakharova claimed ..."), or null. */
  claimant: z.string().nullable().default(null),
  time: ClaimTime.default({ relation: "current", text: null, date: null }),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type NumberClaim = z.infer<typeof NumberClaim>;

export const Dateline = z.object({ place: z.string().nullable(), agency: z.string().nullable() });
export type Dateline = z.infer<typeof Dateline>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Published = z.object({
  /** The date the text or its metadata states, even if wrong (then `conflicts` says why). */
  stated: IsoDate.nullable(),
  /** A date derived from other evidence (e.g. a dated article about the same event). */
  inferred: IsoDate.nullable(),
  /** A weekday the text names for its main event ("Thursday"), if any. */
  weekday: z.string().nullable(),
  /** Human-readable notes on dates that contradict each other or the content. */
  conflicts: z.array(z.string()),
  /** Where `stated` came from. */
  source: z.enum(["text", "header", "metadata", "input"]).nullable().default(null),
  modified: IsoDate.nullable().default(null),
});
export type Published = z.infer<typeof Published>;

export const Provenance = z.object({
  /** Wire agency whose copy this is ("Reuters", "AP"). */
  agency: z.string().nullable(),
  /** Outlet this copy was republished from (an aggregator's copy of a Reuters story -> "Reuters"). */
  republishedFrom: z.string().nullable(),
  /** Agencies credited for part of the material ("Some material ... came from the Associated Press"). */
  materialFrom: z.array(z.string()),
  /** The outlet that published this copy, when known (input metadata or the text). */
  outlet: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
});
export type Provenance = z.infer<typeof Provenance>;

export const Credit = z.object({
  /** "author", "contributor", "additional reporting", "writing", "editing" ... */
  role: z.string(),
  names: z.array(z.string()),
});
export type Credit = z.infer<typeof Credit>;

/** Text taken out of the body while cleaning, kept so a reader can see what was removed and why. */
export const Removed = z.object({
  text: z.string(),
  reason: z.enum([
    "boilerplate",
    "recurring",
    "caption",
    "kicker",
    "headline",
    "byline",
    "credit",
    "date",
    "disclaimer",
    "empty",
  ]),
});
export type Removed = z.infer<typeof Removed>;

/** One clean, structured, validated article: the record everything downstream builds on. */
export const Article = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  titleDerived: z.boolean(),
  dateline: Dateline.nullable(),
  published: Published,
  authors: z.array(z.string()),
  contributors: z.array(z.string()),
  credits: z.array(Credit).default([]),
  provenance: Provenance,
  language: z.string().nullable().default(null),
  body: z.string(),
  entities: z.array(Entity),
  quotes: z.array(Quote),
  numbers: z.array(NumberClaim),
  removed: z.array(Removed).default([]),
});
export type Article = z.infer<typeof Article>;

/** What `analyze` takes: the raw text plus whatever metadata the source already knows. */
export const AnalyzeInput = z.object({
  text: z.string(),
  id: z.string().optional(),
  url: z.string().optional(),
  /** A publication date known from metadata (ISO date or date-time). */
  published: z.string().optional(),
  /** A modification date known from metadata; never used as the publication date. */
  modified: z.string().optional(),
  outlet: z.string().optional(),
  /** A headline known from metadata (HTML <title>, feed item title). */
  title: z.string().optional(),
  authors: z.array(z.string()).optional(),
  language: z.string().optional(),
  /** Date disagreements already found by an upstream reader (HTML metadata vs visible date). */
  dateConflicts: z.array(z.string()).optional(),
  /** Agency found by an upstream reader (e.g. from a byline "By JANE DOE, Associated Press"). */
  agency: z.string().optional(),
});
export type AnalyzeInput = z.infer<typeof AnalyzeInput>;
