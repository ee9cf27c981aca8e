import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

/**
 * The line between build time and request time (README, "How it works"): the sanitizer and the rest of the
 * content pipeline (`lib/content`, the CLIs in `scripts/`, the benchmark in `bench/`) run only while building.
 * Pages, components and the modules they read (`lib/site`, `lib/store`, `lib/util`) must never load them: a
 * request would then parse and sanitize again, and ship jsdom with the server.
 */
const BUILD_TIME_ONLY = "runs at build time only: pages, components, lib/site, lib/store and lib/util read the content store instead (README, “How it works”)";
const buildTimeImports = {
  paths: ["isomorphic-dompurify", "dompurify", "jsdom"].map((name) => ({ name, message: `${name} ${BUILD_TIME_ONLY}` })),
  patterns: [
    { regex: "(^|/)lib/content(/|$)", message: `lib/content ${BUILD_TIME_ONLY}` },
    { regex: "(^|/)(scripts|bench)(/|$)", message: `scripts/ and bench/ are tooling and ${BUILD_TIME_ONLY}` },
  ],
};
/** From inside lib/, the build's modules are one folder up. */
const buildTimeImportsFromLib = {
  ...buildTimeImports,
  patterns: [...buildTimeImports.patterns, { regex: "^\\.\\./content(/|$)", message: `lib/content ${BUILD_TIME_ONLY}` }],
};
/** Client islands run in the reader's browser: no file system, so no store and nothing of the server's. */
const CLIENT_ONLY = "a client island runs in the browser: it gets what it needs from the server-rendered page, never from the store or Node";

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
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "site.config.ts", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", buildTimeImports] },
  },
  {
    files: ["lib/site/**/*.{ts,tsx}", "lib/store/**/*.{ts,tsx}", "lib/util/**/*.{ts,tsx}", "lib/search/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", buildTimeImportsFromLib] },
  },
  {
    files: ["**/*.client.tsx", "components/**/hover-cards/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...buildTimeImports,
          patterns: [...buildTimeImports.patterns, { regex: "(^|/)lib/store(/|$)|^node:", message: CLIENT_ONLY }],
        },
      ],
    },
  },
];

export default config;
