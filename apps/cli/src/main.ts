import { Command } from "commander";
import * as analyze from "./commands/analyze.ts";
import * as fuse from "./commands/fuse.ts";
import * as cluster from "./commands/cluster.ts";
import * as ingest from "./commands/ingest.ts";
import * as store from "./commands/store.ts";
import * as serve from "./commands/serve.ts";

// Each command module registers itself; this file only wires them into one program.
const program = new Command()
  .name("newsfuse")
  .description("Turns many noisy news reports into one clean, deduplicated, sourced account of a story.")
  .showHelpAfterError();

for (const m of [analyze, fuse, cluster, ingest, store, serve]) m.register(program);

await program.parseAsync(process.argv);
