/** STUB: `npm run bench -- api`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench api: not implemented yet");
  process.exitCode = 2;
}
