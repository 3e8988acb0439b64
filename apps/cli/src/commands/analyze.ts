import type { Command } from "commander";

/** STUB: `newsfuse analyze`. */
export function register(program: Command): void {
  program
    .command("analyze")
    .description("(analyze: not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      console.error("newsfuse analyze: not implemented yet");
      process.exitCode = 2;
    });
}
