import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev -w apps/web` serves the dashboard with hot reload and forwards the API's paths to a running
// `newsfuse serve` (NEWSFUSE_API_URL, default its own default address), so the browser sees one origin.
const api = process.env.NEWSFUSE_API_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/v1": { target: api, changeOrigin: true },
      "/openapi.json": { target: api, changeOrigin: true },
      "/docs": { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // One manifest so the budget test can tell the entry chunk from the route chunks.
    manifest: true,
    target: "es2022",
    // The CSP forbids inline scripts; Vite's module preload polyfill would be one.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Plot and the d3 modules it draws with load together with the first chart; two files keep
        // each under the per-chunk budget and let the browser fetch them in parallel.
        codeSplitting: {
          groups: [
            { name: "d3", test: /node_modules[\\/](d3-|internmap|delaunator|robust-predicates)/ },
            { name: "plot", test: /node_modules[\\/](@observablehq|interval-tree-1d|isoformat|binary-search-bounds)/ },
          ],
        },
      },
    },
  },
});
