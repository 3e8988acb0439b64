/**
 * What `newsfuse stats` prints: where the store is, then one count per line, in the order given.
 *
 * @example
 * formatStats("embedded store at /data", { inputs: 5, articles: 5 })
 * // "embedded store at /data\n  inputs           5\n  articles         5"
 */
export function formatStats(where: string, counts: Readonly<Record<string, number>>): string {
  return [where, ...Object.entries(counts).map(([k, v]) => `  ${k.padEnd(16)} ${v}`)].join("\n");
}
