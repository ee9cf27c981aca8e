import path from "node:path";

// Where the build reads posts from and keeps its cache. Where it writes the store: lib/store/location.ts.

/** The content folder: `CONTENT_DIR` (absolute, or relative to the project root) or `content/`. */
export function resolveContentDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CONTENT_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured && configured !== "" ? configured : "content");
}

/**
 * Where sanitized bodies are kept between builds: inside the Next build's own cache folder (`.next/cache`,
 * or NEXT_DIST_DIR's), so Vercel's build cache keeps it and a build writes nowhere but its own output.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.YUEDU_CACHE_DIR?.trim();
  const distDir = env.NEXT_DIST_DIR?.trim() || ".next";
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured && configured !== "" ? configured : path.join(distDir, "cache", "yuedu"));
}
