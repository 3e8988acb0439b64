import { z } from "zod";
import { Article, EntityType } from "./article.ts";
import { DuplicateGroup } from "./duplicate.ts";

/** Where a fused fact came from: an article and, when known, the character span in its body. */
export const SourceRef = z.object({
  article: z.string(),
  start: z.number().int().nonnegative().nullable().default(null),
  end: z.number().int().nonnegative().nullable().default(null),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** One real-world entity across all articles. */
export const EntityRecord = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  roles: z.array(z.object({ role: z.string(), articles: z.array(z.string()) })),
  articles: z.array(z.string()),
  mentions: z.array(SourceRef).default([]),
});
export type EntityRecord = z.infer<typeof EntityRecord>;

/** One statement, with every article that carries it and the variants it appears in. */
export const QuoteRecord = z.object({
  id: z.string(),
  text: z.string(),
  speaker: z.string().nullable(),
  /** EntityRecord id of the speaker, when resolved. */
  speakerEntity: z.string().nullable().default(null),
  articles: z.array(z.string()),
  /** Every place the statement was reported; a grouped statement may have been made on several occasions. */
  occurrences: z.array(
    z.object({
      article: z.string(),
      text: z.string(),
      start: z.number(),
      end: z.number(),
      /** The reporting article's date. */
      date: z.string().nullable().default(null),
      /** The EventRecord id of the occasion: the event at the place the text names for it, else the article's event. */
      event: z.string().nullable().default(null),
      /** When and where the text says these words were said ("Thursday", "Berlin"), so two occasions stay two. */
      occasion: z.object({ weekday: z.string().nullable(), place: z.string().nullable() }).nullable().default(null),
    }),
  ),
  /** Other wordings of the same statement (near-variants, partial quotes contained in it). */
  variants: z.array(z.string()),
});
export type QuoteRecord = z.infer<typeof QuoteRecord>;

export const EventRecord = z.object({
  id: z.string(),
  label: z.string(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  dateInferred: z.boolean().default(false),
  participants: z.array(z.string()),
  articles: z.array(z.string()),
  /** Articles that announced this event before it happened. */
  announcedBy: z.array(z.string()).default([]),
});
export type EventRecord = z.infer<typeof EventRecord>;

export const NumericClaimGroup = z.object({
  subject: z.string(),
  claims: z.array(
    z.object({
      text: z.string(),
      value: z.number(),
      qualifier: z.string().nullable(),
      unit: z.string().nullable().default(null),
      currency: z.string().nullable().default(null),
      /** Who gives the figure, as the article says, or null. */
      claimant: z.string().nullable().default(null),
      article: z.string(),
      /** The article's date. */
      date: z.string().nullable(),
      /** When the figure holds: the article's date unless the text dates it ("previous", "in June"). */
      time: z
        .object({
          relation: z.enum(["current", "past", "dated"]),
          text: z.string().nullable(),
          date: z.string().nullable(),
        })
        .default({ relation: "current", text: null, date: null }),
      start: z.number(),
      end: z.number(),
    }),
  ),
});
export type NumericClaimGroup = z.infer<typeof NumericClaimGroup>;

/**
 * Where sources disagree. `number`: figures for one subject at one time that cannot all hold;
 * `change`: figures for one subject at two times (earliest first), which is a change, not a dispute.
 */
export const Discrepancy = z.object({
  id: z.string(),
  kind: z.enum(["number", "change", "spelling", "date", "other"]),
  about: z.string(),
  values: z.array(
    z.object({
      value: z.string(),
      articles: z.array(z.string()),
      /** One date per article, in the order of `articles` (for a figure: when it holds). */
      dates: z.array(z.string().nullable()).default([]),
    }),
  ),
  story: z.string().nullable().default(null),
});
export type Discrepancy = z.infer<typeof Discrepancy>;

export const StoryArticle = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  agency: z.string().nullable(),
  republishedFrom: z.string().nullable(),
  date: z.string().nullable(),
  dateInferred: z.boolean(),
});
export type StoryArticle = z.infer<typeof StoryArticle>;

/** The fused account of one story. */
export const Story = z.object({
  id: z.string(),
  title: z.string(),
  /** First and last article date; `undated` counts the articles neither date covers. */
  span: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    undated: z.number().int().nonnegative().optional(),
  }),
  articles: z.array(StoryArticle),
  events: z.array(EventRecord),
  entities: z.array(z.string()),
  quotes: z.array(z.string()),
  numbers: z.array(NumericClaimGroup),
  discrepancies: z.array(Discrepancy),
});
export type Story = z.infer<typeof Story>;

/** What `fuse` returns for a batch of articles. */
export const FuseResult = z.object({
  articles: z.array(Article),
  stories: z.array(Story),
  entities: z.array(EntityRecord),
  quotes: z.array(QuoteRecord),
  duplicates: z.array(DuplicateGroup),
  discrepancies: z.array(Discrepancy),
});
export type FuseResult = z.infer<typeof FuseResult>;
