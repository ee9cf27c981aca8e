import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ProcessOptions } from "../post/post-types";
import type { SourceFile } from "../source/read-source-files";
import { processSourceFile, type ProcessedSource } from "./process-source-file";
import type { WorkerRequest, WorkerResponse } from "./process-worker";

/** Called once per file as it finishes (in no particular order). */
export type OnProcessed = (index: number, processed: ProcessedSource) => Promise<void>;

/** Below this many files, starting workers (each loads jsdom) costs more than it saves. */
const PARALLEL_THRESHOLD = 48;
const FILES_IN_FLIGHT_PER_WORKER = 2;

/**
 * Processes files on every core: sanitizing with jsdom is CPU-bound and dominates a cold build. Each worker
 * reads its files itself, so the main thread — which takes in the results, writes the cache and the store —
 * neither holds every file's bytes nor spends the cores' time reading them.
 */
export async function processFilesInParallel(files: SourceFile[], options: ProcessOptions, onProcessed: OnProcessed): Promise<void> {
  const workerCount = Math.min(os.availableParallelism(), 4, Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (workerCount <= 1) {
    for (const [index, file] of files.entries()) await onProcessed(index, await processSourceFile(file, options));
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
      /** Files sent to this worker and not yet handed to `onProcessed`. */
      let inFlight = 0;
      let finished = false;
      const fail = (error: unknown): void => {
        finished = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const sendNext = (): void => {
        const index = next;
        const file = files[index];
        if (!file) {
          if (inFlight === 0 && !finished) {
            finished = true;
            void worker.terminate().then(() => resolve());
          }
          return;
        }
        next += 1;
        inFlight += 1;
        const request: WorkerRequest = { id: index, file, options };
        worker.postMessage(request);
      };
      worker.on("message", (message: WorkerResponse) => {
        onProcessed(message.id, message.processed)
          .then(() => {
            finishedFiles += 1;
            inFlight -= 1;
            sendNext();
          })
          .catch(fail);
      });
      worker.on("error", fail);
      // A worker that dies (out of memory, say) must stop the build, never leave its files out of the site.
      worker.on("exit", (code) => {
        if (!finished) fail(new Error(`a sanitizing worker stopped (exit code ${code}) with ${inFlight} file(s) unfinished`));
      });
      // Two requests in flight, so a worker starts on its next file while the main thread takes in the last
      // result; with one, each worker idled for every round trip (measured: 5,000 files 8.2 s -> 7.8 s).
      for (let slot = 0; slot < FILES_IN_FLIGHT_PER_WORKER; slot += 1) sendNext();
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  if (finishedFiles !== files.length) throw new Error(`the sanitizing workers finished ${finishedFiles} of ${files.length} files`);
}
