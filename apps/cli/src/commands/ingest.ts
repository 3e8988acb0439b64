import type { Command } from "commander";

/** STUB: `newsfuse ingest`. */
export function register(program: Command): void {
  program
    .command("ingest")
    .description("(ingest: not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      console.error("newsfuse ingest: not implemented yet");
      process.exitCode = 2;
    });
}
