// Small text helpers shared by the formatters. Plain strings only: no ANSI, so a terminal UI can style
// the same lines and tests can compare them as they are.

/** Cuts `s` to at most `n` characters, marking the cut with an ellipsis. */
export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** An article id without its file extension: `003_6c04b11d307fba50.txt` -> `003_6c04b11d307fba50`. */
export function shortId(id: string): string {
  return id.replace(/\.(txt|html?|json|xml)$/i, "");
}

/** Article ids for a parenthesis: short, comma-separated. */
export function idList(ids: readonly string[]): string {
  return ids.map(shortId).join(", ");
}

/** The parts that are present, joined: `join(["a", null, "b"], " · ")` -> `a · b`. */
export function joinPresent(parts: ReadonlyArray<string | null | undefined | false | 0>, sep: string): string {
  return parts.filter(Boolean).join(sep);
}
