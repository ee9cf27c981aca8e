import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", ".next-*/**", ".yuedu/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench-results/**", "scratch/**", "next-env.d.ts"],
  },
  {
    // CommonJS on purpose: next.config.js (the package has no "type": "module") and the module-load tracer
    // preloaded with `node --require`.
    files: ["next.config.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];

export default config;
