import { err, ok, type Result } from "@newsfuse/core";

/** What the commands that read news files take, for their --help. */
export const INPUT_KINDS =
  "files or directories of news: plain text (.txt), HTML pages (.html, .htm), RSS/Atom feeds (.xml, .rss, .atom), JSON Feed (.json), JSON Lines (.jsonl, .ndjson), any of them gzipped (.gz)";

export const CHARSET_HELP = "charset of the files, e.g. latin1, windows-1252, iso-8859-2 (default: UTF-8 for text)";

/**
 * Checks a `--charset` label against the WHATWG encoding names TextDecoder knows (latin1, windows-1252,
 * iso-8859-2, shift_jis …), so a misspelt one is refused up front rather than silently ignored.
 */
export function checkCharset(label: string | undefined): Result<string | undefined> {
  if (label === undefined) return ok(undefined);
  try {
    new TextDecoder(label.trim());
    return ok(label.trim());
  } catch {
    return err("input_malformed", `--charset: unknown charset "${label}" (try utf-8, latin1, windows-1252)`, label);
  }
}
