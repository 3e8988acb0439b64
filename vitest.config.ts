import { defineConfig } from "vitest/config";

// Shared defaults; each workspace runs `vitest run` from its own folder.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
