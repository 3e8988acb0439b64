import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.config.ts";

// One worker runs the files in turn without re-importing: loading hono, zod and PGlite once instead of
// per file halves the suite's time on 2 cores. Each file still gets its own store copy.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      globalSetup: ["test/global-setup.ts"],
      isolate: false,
      fileParallelism: false,
    },
  }),
);
