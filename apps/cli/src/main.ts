import { buildProgram } from "./program.ts";

// A reader that stops early (`newsfuse analyze big.jsonl | head`) closes the pipe: stop quietly and at
// once, as Unix tools do, instead of failing with a stack trace or computing output nobody reads.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });

const args = process.argv.slice(2);
await (await buildProgram(args)).parseAsync(args, { from: "user" });
