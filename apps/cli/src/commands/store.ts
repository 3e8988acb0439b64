import type { Command } from "commander";

/** STUB: store maintenance commands: migrate, reanalyze, stats, export. */
export function register(_program: Command): void {}
