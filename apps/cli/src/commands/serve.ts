import type { Command } from "commander";

/** STUB: `newsfuse serve`. */
export function register(program: Command): void {
  program
    .command("serve")
    .description("(serve: not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      console.error("newsfuse serve: not implemented yet");
      process.exitCode = 2;
    });
}
