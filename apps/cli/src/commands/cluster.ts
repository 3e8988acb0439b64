import type { Command } from "commander";

/** STUB: `newsfuse cluster`. */
export function register(program: Command): void {
  program
    .command("cluster")
    .description("(cluster: not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      console.error("newsfuse cluster: not implemented yet");
      process.exitCode = 2;
    });
}
