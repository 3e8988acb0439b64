import type { AnalyzeInput, NewsfuseError, Result } from "@newsfuse/core";

/** One article's worth of input read from bytes, with where it came from. */
export interface ReadItem {
  /** File path, "path#item-3" for a feed item, "path:12" for a JSON Lines line, or a URL. */
  origin: string;
  input: AnalyzeInput;
}
export type ReadResult = Result<ReadItem, NewsfuseError>;
