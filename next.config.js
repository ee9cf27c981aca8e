// @ts-check
const os = require("node:os");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets tests and benchmarks build several sites side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // NEXT_OUTPUT=standalone: `node .next/standalone/server.js` runs the site on a Node host without node_modules.
  // Off by default because `next start` refuses to serve a standalone build.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages read the content store at prerender and on-demand render time; ship it with the server.
  outputFileTracingIncludes: { "/**": ["./.yuedu/store/**/*"] },
  // The sanitizer (jsdom) runs in scripts/build-content.ts only; keep it out of the server bundle.
  serverExternalPackages: ["isomorphic-dompurify", "jsdom"],
  experimental: {
    // Next leaves one core idle (workers = cores - 1); page generation only reads JSON, so use them all.
    cpus: Math.max(1, os.availableParallelism()),
    // Inlining decisions gzip every segment of every page at build time (~20% of page generation, measured
    // with a CPU profile of a 1000-article build); without it segments are prefetched separately.
    prefetchInlining: false,
  },
};

module.exports = nextConfig;
