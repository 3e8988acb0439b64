/** STUB: `npm run bench -- ingest`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench ingest: not implemented yet");
  process.exitCode = 2;
}
