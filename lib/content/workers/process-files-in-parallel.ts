import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { cacheKey } from "../cache/post-result-cache";
import { processFile } from "../post/process-file";
import type { ProcessOptions, ProcessResult } from "../post/post-types";
import { readSourceBytes, type SourceFile } from "../source/read-source-files";
import type { WorkerRequest, WorkerResponse } from "./process-worker";

/** One file's result, and the cache key of the bytes it came from (null when they could not be read). */
export interface ProcessedSource {
  result: ProcessResult;
  key: string | null;
}

/** Called once per file as it finishes (in no particular order). */
export type OnProcessed = (index: number, processed: ProcessedSource) => Promise<void>;

/** Below this many files, starting workers (each loads jsdom) costs more than it saves. */
const PARALLEL_THRESHOLD = 48;
const FILES_IN_FLIGHT_PER_WORKER = 2;

/**
 * Processes files on every core: sanitizing with jsdom is CPU-bound and dominates a cold build. Each file is
 * read just before a worker takes it, so a big archive's bytes are never all in memory, and once.
 */
export async function processFilesInParallel(files: SourceFile[], options: ProcessOptions, onProcessed: OnProcessed): Promise<void> {
  const read = async (file: SourceFile): Promise<{ bytes: Buffer; key: string } | ProcessedSource> => {
    const bytes = await readSourceBytes(file);
    return Buffer.isBuffer(bytes) ? { bytes, key: cacheKey(file.relativePath, bytes, options) } : { result: { ok: false, problems: [bytes] }, key: null };
  };
  const workerCount = Math.min(os.availableParallelism(), 4, Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (workerCount <= 1) {
    for (const [index, file] of files.entries()) {
      const loaded = await read(file);
      await onProcessed(index, "bytes" in loaded ? { result: processFile(file.relativePath, loaded.bytes, options), key: loaded.key } : loaded);
    }
    return;
  }

  let next = 0;
  let finishedFiles = 0;
  const workerFile = path.join(__dirname, "process-worker.ts");
  // tsx has to be registered inside the worker too; the scripts that call this run under tsx. The sanitizer is
  // loaded first, by Node itself: under tsx's hook, jsdom's ESM-only parser (parse5) is rewritten into CommonJS
  // whose every constant read is a getter call, which made sanitizing about a quarter slower (measured).
  const bootstrap = `require("isomorphic-dompurify"); require("tsx/cjs"); require(${JSON.stringify(workerFile)});`;

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(bootstrap, { eval: true });
      /** Cache keys of the files sent to this worker, by index. */
      const keys = new Map<number, string>();
      /** Files taken by this worker and not yet handed to `onProcessed` (being read, or in the worker). */
      let taken = 0;
      let finished = false;
      const fail = (error: unknown): void => {
        finished = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const done = async (index: number, processed: ProcessedSource): Promise<void> => {
        await onProcessed(index, processed);
        finishedFiles += 1;
        taken -= 1;
        await sendNext();
      };
      const sendNext = async (): Promise<void> => {
        const index = next;
        const file = files[index];
        if (!file) {
          if (taken === 0 && !finished) {
            finished = true;
            void worker.terminate().then(() => resolve());
          }
          return;
        }
        next += 1;
        taken += 1;
        const loaded = await read(file);
        if (!("bytes" in loaded)) return done(index, loaded);
        keys.set(index, loaded.key);
        const request: WorkerRequest = { id: index, relativePath: file.relativePath, bytes: loaded.bytes, options };
        worker.postMessage(request);
      };
      worker.on("message", (message: WorkerResponse) => {
        const key = keys.get(message.id) ?? null;
        keys.delete(message.id);
        done(message.id, { result: message.result, key }).catch(fail);
      });
      worker.on("error", fail);
      // A worker that dies (out of memory, say) must stop the build, never leave its files out of the site.
      worker.on("exit", (code) => {
        if (!finished) fail(new Error(`a sanitizing worker stopped (exit code ${code}) with ${taken} file(s) unfinished`));
      });
      // Two requests in flight, so a worker starts on its next file while the main thread takes in the last
      // result; with one, each worker idled for every round trip (measured: 5,000 files 8.2 s -> 7.8 s).
      for (let slot = 0; slot < FILES_IN_FLIGHT_PER_WORKER; slot += 1) sendNext().catch(fail);
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  if (finishedFiles !== files.length) throw new Error(`the sanitizing workers finished ${finishedFiles} of ${files.length} files`);
}
