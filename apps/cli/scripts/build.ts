// Bundles the CLI into dist/ so the installed `newsfuse` runs compiled JavaScript: `npm run build`
// (turbo's `build` task). The workspace packages are bundled from their TypeScript sources and so are
// the libraries they use: one file per chunk instead of hundreds of small modules (kysely alone has
// ~400) is most of what a command saves at start-up.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

const CLI = fileURLToPath(new URL("..", import.meta.url));

// Packages that stay imports from node_modules: PGlite finds its WebAssembly and data files beside its
// own module, so it must run from there.
const EXTERNAL = ["@electric-sql/pglite"];

/**
 * Marks workspace sources free of side effects, so a command that uses one function of a package (the
 * store's lock reader, core's formatters) does not load the rest. Optional dependencies that are not
 * installed (pg-native, canvas, bufferutil …) stay imports: their packages require them inside a
 * try/catch and run without them.
 */
const resolvePackages: Plugin = {
  name: "resolve-packages",
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const bare = !args.path.startsWith(".") && !args.path.startsWith("/");
      if (
        bare &&
        (args.path.startsWith("node:") || EXTERNAL.some((e) => args.path === e || args.path.startsWith(`${e}/`)))
      )
        return { path: args.path, external: true };
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (r.errors.length) return bare ? { path: args.path, external: true } : { errors: r.errors };
      return { ...r, sideEffects: r.path.includes("/node_modules/") ? r.sideEffects : false };
    });
  },
};

/** Builds `main.js` and the store's analysis worker into `outdir`; returns esbuild's metafile. */
export async function buildCli(outdir = `${CLI}dist`): Promise<Metafile> {
  // Built beside and swapped in by rename: a `newsfuse` started meanwhile finds the old build or the new
  // one, never half of one.
  const scratch = `${CLI}node_modules/.cache/newsfuse-build`;
  mkdirSync(scratch, { recursive: true });
  const next = `${scratch}/next-${process.pid}`;
  const old = `${scratch}/old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: CLI,
    entryPoints: {
      main: "src/main.ts",
      // The store's pool starts `new URL("./analyze-worker.boot.js", import.meta.url)`: chunks and this
      // entry live side by side in outdir, so the URL finds the compiled worker.
      "analyze-worker.boot": "../../packages/store/src/pipeline/analyze-worker.ts",
    },
    outdir: next,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [resolvePackages],
    // Bundled CommonJS packages (pg, htmlparser2 …) call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __newsfuseRequire } from "node:module"; const require = __newsfuseRequire(import.meta.url);',
    },
  });
  if (existsSync(outdir)) renameSync(outdir, old);
  renameSync(next, outdir);
  rmSync(old, { recursive: true, force: true });
  // Output paths in the metafile name the build directory before the swap; their relations hold.
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli(process.argv[2]);
