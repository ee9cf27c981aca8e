import path from "node:path";

/** Where the build writes the store and pages read it: `YUEDU_STORE_DIR` (absolute, or relative to the project) or `.yuedu/store`. */
export function resolveStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.YUEDU_STORE_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured && configured !== "" ? configured : ".yuedu/store");
}
