import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedTypes } from "../scripts/openapi-types.ts";

describe("src/openapi.gen.ts", () => {
  it("is what openapi-typescript makes of the API's current OpenAPI document", async () => {
    const committed = readFileSync(join(import.meta.dirname, "../src/openapi.gen.ts"), "utf8");
    // On failure: `npm run generate -w @newsfuse/client` and commit the file.
    expect(committed === (await generatedTypes()), "openapi.gen.ts drifted from the API's document").toBe(true);
  });
});
