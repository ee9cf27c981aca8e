import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ProcessOptions, ProcessResult } from "./process-file";

/** Bump when the pipeline's output changes shape or policy, so old cache entries are ignored. */
export const PIPELINE_VERSION = "yuedu-pipeline-7";

/** The cache key of one file: its bytes, its path (the URL comes from it) and every option that changes the output. */
export function cacheKey(relativePath: string, bytes: Buffer, options: ProcessOptions): string {
  return createHash("sha256")
    .update(`${PIPELINE_VERSION}\0${options.timeZone}\0${options.siteOrigin}\0${relativePath}\0`)
    .update(bytes)
    .digest("hex");
}

/**
 * Sanitizing is the expensive step of a build, so each file's result is kept
 * on disk by content hash and reused until the file (or the pipeline) changes.
 */
export class ParseCache {
  constructor(private readonly dir: string) {}

  private fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ProcessResult | null> {
    try {
      const value: unknown = JSON.parse(await fs.readFile(this.fileFor(key), "utf8"));
      return isProcessResult(value) ? value : null;
    } catch {
      return null;
    }
  }

  async set(key: string, value: ProcessResult): Promise<void> {
    const file = this.fileFor(key);
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(value));
      await fs.rename(temporary, file);
    } catch {
      // A cache that cannot be written only makes the next build slower.
    }
  }
}

function isProcessResult(value: unknown): value is ProcessResult {
  if (value === null || typeof value !== "object" || !("ok" in value)) return false;
  return value.ok === true ? "article" in value : value.ok === false && "problems" in value;
}
