import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedTypes } from "./openapi-types.ts";

const out = join(import.meta.dirname, "../src/openapi.gen.ts");
writeFileSync(out, await generatedTypes());
console.log(`wrote ${out}`);
