/** STUB: `npm run bench -- clustering`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench clustering: not implemented yet");
  process.exitCode = 2;
}
