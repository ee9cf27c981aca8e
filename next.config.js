// @ts-check
const os = require("node:os");
const path = require("node:path");

const isDev = process.env.NODE_ENV === "development";

/**
 * The Content-Security-Policy every response carries. Pages are static, so no
 * per-request nonce is possible (a nonce forces dynamic rendering), and Next's
 * App Router inlines its flight data as <script> elements whose hashes differ
 * per page: script elements therefore need 'unsafe-inline'. Everything else is
 * shut: no inline event handlers (script-src-attr 'none', which blocks them even
 * where inline scripts are allowed), no plugins, no <base> hijack, no framing,
 * no forms posting elsewhere, no inline styles, no fetches to other hosts.
 * Images may come from any http(s) host because article bodies hotlink them.
 * The sanitizer is the first line of defence; this is the second.
 */
function contentSecurityPolicy() {
  const directives = {
    "default-src": ["'self'"],
    // Dev only: React's debugging uses eval, and Turbopack's HMR injects styles and opens a websocket. No page
    // compiles WebAssembly (search is answered by the server).
    "script-src": ["'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", ...(isDev ? ["'unsafe-inline'"] : [])],
    "style-src-attr": isDev ? ["'unsafe-inline'"] : ["'none'"],
    "img-src": ["'self'", "https:", "http:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(isDev ? ["ws:"] : [])],
    "media-src": ["'none'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'none'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Hotlinked images refuse foreign Referers, and readers' paths are nobody else's business.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The feed and the sitemaps are XML that never holds markup of the content's (all of it is escaped text). A
 * browser that opens one shows it with its XML viewer, which styles the tree with an inline <style>: allow
 * that and the data: images of its fold arrows, and nothing else — no scripts at all, no requests.
 */
const xmlFileContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const XML_FILES = ["/feed.xml", "/feeds/:path*", "/sitemap.xml", "/sitemaps/:file"];

/** HSTS only over HTTPS (a TLS proxy or Vercel sets x-forwarded-proto): over plain HTTP it would be ignored or wrong. */
const strictTransportSecurity = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** The store folder relative to the project, with `/` separators (file tracing wants a relative glob). */
function storeDirForTracing() {
  const configured = process.env.YUEDU_STORE_DIR?.trim() || ".yuedu/store";
  return path.relative(__dirname, path.resolve(__dirname, configured)).split(path.sep).join("/");
}

/** Outputs whose server runs from a copy of the project's files, which must carry the store. */
const shipsStoreWithServer = process.env.NEXT_OUTPUT === "standalone" || Boolean(process.env.VERCEL);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets tests and benchmarks build several sites side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // NEXT_OUTPUT=standalone: `node .next/standalone/server.js` runs the site on a Node host without node_modules.
  // Off by default because `next start` refuses to serve a standalone build.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  poweredByHeader: false,
  // No in-memory copy of cached pages: they are read from the build folder (or Redis) on each hit, through the OS's
  // file cache. Next's default, 50 MB counted as string lengths, held ~250 MB of a server's memory once an archive's
  // pages filled it (measured with `npm run bench`: 421 MB after 10,000 random article requests at 5,000 articles;
  // 227 MB after 4,000 without it, and no slower).
  cacheMaxMemorySize: 0,
  // Type checking is `npm run typecheck`'s job (part of `npm test`, which CI runs on every change), not every
  // deploy's: a deploy of new posts would re-check code that did not change. Measured: Next's TypeScript step was
  // 6.6 s of a 28.7 s `next build` of 5,000 articles. tsconfig.build.json still names what ships, for editors.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: true },
  reactStrictMode: true,
  // Pages read the content store at prerender and on-demand render time; ship it with the server where the
  // server runs from a copy (standalone output, Vercel functions). The folder is the one this build wrote:
  // YUEDU_STORE_DIR, or .yuedu/store. Not for `next start`, which reads it where it is: Next reads every traced
  // file into memory, so tracing the store costs the build about the store's size (measured at 100,000
  // articles, a 680 MB store: next build's main process 1,266 MB with it, 657 MB without).
  ...(shipsStoreWithServer ? { outputFileTracingIncludes: { "/**": [`./${storeDirForTracing()}/**/*`] } } : {}),
  // Pages rendered on first request are cached in Redis when REDIS_URL is set, and 404s never are
  // (lib/cache/page-cache.cjs). Vercel caches pages at its edge and brings its own cache.
  ...(process.env.VERCEL ? {} : { cacheHandler: require.resolve("./lib/cache/page-cache.cjs") }),
  // The sanitizer (jsdom) runs in scripts/build-content.ts only; keep it out of the server bundle.
  serverExternalPackages: ["isomorphic-dompurify", "jsdom"],
  // Page 1 of every list is the list's own URL. Redirected by rule, before anything renders or is cached: a page
  // that redirects sends its Location header twice on the response that writes its cache entry (Next appends the
  // cached headers to those the render set), and every list kind gets the same rule. A category named `1` under
  // one named `page` is shadowed by it.
  async redirects() {
    return [
      { source: "/page/1", destination: "/", permanent: true },
      { source: "/entities/page/1", destination: "/entities", permanent: true },
      { source: "/:list(authors|tags|entities)/:name/page/1", destination: "/:list/:name", permanent: true },
      { source: "/categories/:path+/page/1", destination: "/categories/:path+", permanent: true },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Later rules win for the same header.
      ...XML_FILES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: xmlFileContentSecurityPolicy }] })),
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [strictTransportSecurity],
      },
    ];
  },
  experimental: {
    // Next leaves one core idle (workers = cores - 1); page generation only reads JSON, so use them all.
    cpus: Math.max(1, os.availableParallelism()),
    // Inlining decisions gzip every segment of every page at build time (~20% of page generation, measured
    // with a CPU profile of a 1000-article build); without it segments are prefetched separately.
    prefetchInlining: false,
  },
};

module.exports = nextConfig;
