/** STUB: `npm run bench -- ner`. */
export async function run(_argv: string[]): Promise<void> {
  console.error("bench ner: not implemented yet");
  process.exitCode = 2;
}
