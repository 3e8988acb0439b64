/** STUB: `npm run bench -- analyze`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench analyze: not implemented yet");
  process.exitCode = 2;
}
