import type { Command } from "commander";

/** STUB: `newsfuse fuse`. */
export function register(program: Command): void {
  program
    .command("fuse")
    .description("(fuse: not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      console.error("newsfuse fuse: not implemented yet");
      process.exitCode = 2;
    });
}
