import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("@newsfuse/core/schema", () => {
  it("bundles for the browser from zod and the schema files alone: no chrono-node, no NER model, no node:", async () => {
    const out = await build({
      entryPoints: [new URL("./index.ts", import.meta.url).pathname],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(out.metafile.inputs);
    const outside = inputs.filter((p) => !/(^|\/)src\/schema\/[^/]+\.ts$/.test(p) && !/node_modules\/zod\//.test(p));
    expect(outside).toEqual([]);
    expect(inputs.some((p) => p.includes("chrono-node"))).toBe(false);
    expect(inputs.some((p) => /\/ner\//.test(p))).toBe(false);
  });
});
