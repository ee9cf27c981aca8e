import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    // test/build runs scripts/build-content.ts in child processes (about a second each, run concurrently).
    include: ["test/unit/**/*.test.ts", "test/build/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
