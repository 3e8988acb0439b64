import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** What a browser pays for the client: zod and the core schemas are shared with the app, so left out. */
const GZIP_BUDGET = 15 * 1024;

describe("the client in a browser bundle", () => {
  it(`costs under ${GZIP_BUDGET / 1024} kB gzip without zod and the core schemas`, async () => {
    const out = await build({
      entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      external: ["zod", "@newsfuse/core/schema"],
      logLevel: "silent",
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((p) => /packages\/core|node_modules\/zod|node:/.test(p))).toEqual([]);
    const gzip = gzipSync(out.outputFiles[0].contents).length;
    expect(gzip).toBeLessThan(GZIP_BUDGET);
  });
});
