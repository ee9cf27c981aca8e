import { cacheKey } from "../cache/post-result-cache";
import { processFile } from "../post/process-file";
import type { ProcessOptions, ProcessResult } from "../post/post-types";
import { readSourceBytes, type SourceFile } from "../source/read-source-files";

/** One file's result, and the cache key of the bytes it came from (null when they could not be read). */
export interface ProcessedSource {
  result: ProcessResult;
  key: string | null;
}

/** Reads one post and processes it: what each sanitizing worker does with a file it is given. */
export async function processSourceFile(file: SourceFile, options: ProcessOptions): Promise<ProcessedSource> {
  const bytes = await readSourceBytes(file);
  if (!Buffer.isBuffer(bytes)) return { result: { ok: false, problems: [bytes] }, key: null };
  return { result: processFile(file.relativePath, bytes, options), key: cacheKey(file.relativePath, bytes, options) };
}
