import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.config.ts";

// Two projects: pages and components in jsdom over the in-process API on the seeds, and the end-to-end
// run (build budget, real server, Debian's Chromium) in Node.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "components",
            environment: "jsdom",
            include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
            globalSetup: ["../api/test/global-setup.ts"],
            setupFiles: ["test/jsdom-setup.ts"],
          },
        },
        {
          extends: true,
          test: {
            name: "e2e",
            environment: "node",
            include: ["e2e/**/*.test.ts"],
            globalSetup: ["e2e/global-setup.ts"],
            testTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }),
);
