import { Command } from "commander";
import { describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { buildProgram, COMMANDS, commandOf, type CommandEntry } from "./program.ts";

/** A table whose modules record that they were loaded; `broken` ones fail to load, as a missing dependency would. */
function table(broken: string[] = []) {
  const loaded: string[] = [];
  const commands: CommandEntry[] = ["alpha", "beta", "gamma"].map((name) => ({
    name,
    summary: `the ${name} command`,
    load: async () => {
      if (broken.includes(name)) throw new Error(`${name} must not be loaded`);
      loaded.push(name);
      return { register: (p: Command) => void p.command(name).option("--deep", `only ${name}'s own help shows this`) };
    },
  }));
  return { commands, loaded };
}

function helpOf(program: Command): string {
  return program.helpInformation();
}

describe("the newsfuse program", () => {
  it("lists every command with its summary for --help without loading any of them", async () => {
    const t = table(["alpha", "beta", "gamma"]);
    const help = helpOf(await buildProgram(["--help"], t.commands));
    for (const name of ["alpha", "beta", "gamma"])
      expect(help).toMatch(new RegExp(`^ {2}${name} +the ${name} command`, "m"));
    expect(t.loaded).toEqual([]);
  });

  it("loads only the command it runs, and the one `help <command>` asks about", async () => {
    const t = table(["alpha", "gamma"]);
    const program = await buildProgram(["beta", "--deep", "x"], t.commands);
    expect(t.loaded).toEqual(["beta"]);
    expect(helpOf(program.commands.find((c) => c.name() === "beta")!)).toContain("--deep");
    await buildProgram(["help", "beta"], t.commands);
    expect(t.loaded).toEqual(["beta", "beta"]);
  });

  it("prints the package version for --version", async () => {
    const program = await buildProgram(["--version"], []);
    let out = "";
    program.exitOverride().configureOutput({ writeOut: (s) => (out += s) });
    expect(() => program.parse(["--version"], { from: "user" })).toThrow();
    expect(out.trim()).toBe(pkg.version);
  });

  it("finds the command in a command line", () => {
    expect(commandOf(["stats", "--data", "d"])).toBe("stats");
    expect(commandOf(["--help"])).toBeUndefined();
    expect(commandOf(["help", "export"])).toBe("export");
  });

  it("has one table entry per command, whose module registers exactly that command", { timeout: 120_000 }, async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      const program = new Command();
      (await c.load()).register(program);
      expect(program.commands.map((x) => x.name())).toEqual([c.name]);
    }
  });
});
