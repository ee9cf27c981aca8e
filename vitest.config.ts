import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The same `@/` alias as tsconfig.json, for modules under lib/site that pages import.
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    // test/build runs scripts/build-content.ts in child processes (about a second each, run concurrently).
    include: ["test/unit/**/*.test.ts", "test/build/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
