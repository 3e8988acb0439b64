import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.config.ts";

// The API's global setup ingests the seeds once into a template store; each test file opens a copy.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      globalSetup: ["../../apps/api/test/global-setup.ts"],
      isolate: false,
      fileParallelism: false,
    },
  }),
);
