// Named-entity recognition: a hashed-feature structured perceptron trained on CoNLL-2003 and shipped
// as data in the package.
export { tagTokens, tagDocument, recognize, loadNerModel, nerModelInfo, gazetteerFromMentions } from "./tagger.ts";
export type { Mention, TagOptions, NerModelInfo } from "./tagger.ts";
export { tokenize, tokenizeSentences, normalizeToken } from "./tokenize.ts";
export type { Token } from "./tokenize.ts";
export { buildGazetteer } from "./gazetteer.ts";
export type { Gazetteer } from "./gazetteer.ts";
export { parseConll, scoreNer, tagsToSpans, spansToTags, isIob1, ENTITY_TYPES } from "./conll.ts";
export type { ConllDocument, ConllSentence, NerScore, PRF, TagSpan, NerType, TagScheme } from "./conll.ts";
