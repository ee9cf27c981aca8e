import path from "node:path";

/** The content folder: `CONTENT_DIR` (absolute, or relative to the project root) or `content/`. */
export function resolveContentDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CONTENT_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured && configured !== "" ? configured : "content");
}

/** Where the build writes the site index and article documents that pages read. */
export function resolveStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.YUEDU_STORE_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured && configured !== "" ? configured : ".yuedu/store");
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
