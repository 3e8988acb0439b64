/** STUB: `npm run bench -- quotes`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench quotes: not implemented yet");
  process.exitCode = 2;
}
