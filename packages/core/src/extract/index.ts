export { extractEntities, entityGender, surname } from "./entities.ts";
export type { ExtractEntitiesOptions, Gender } from "./entities.ts";
export { recognizeByRules } from "./mentions.ts";
export type { MentionRecognizer, MentionSpan, MentionType } from "./mentions.ts";
export { extractQuotes, findQuoteSpans } from "./quotes.ts";
export type { ExtractQuotesOptions, QuoteSpan } from "./quotes.ts";
export { extractNumbers } from "./numbers.ts";
export { recognizeHybrid, RECOGNIZERS, DEFAULT_RECOGNIZER, type RecognizerName } from "./recognizers.ts";
