/** STUB: `npm run bench -- extraction`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench extraction: not implemented yet");
  process.exitCode = 2;
}
