/** STUB: `npm run bench -- scale`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench scale: not implemented yet");
  process.exitCode = 2;
}
