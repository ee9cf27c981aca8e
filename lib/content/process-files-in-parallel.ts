import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { processFile, type ProcessOptions, type ProcessResult } from "./process-file";
import type { WorkerRequest } from "./process-worker";

export interface PendingFile {
  relativePath: string;
  bytes: Buffer;
}

/** Below this many files, starting workers (each loads jsdom) costs more than it saves. */
const PARALLEL_THRESHOLD = 48;


/** Processes files on every core: sanitizing with jsdom is CPU-bound and dominates a cold build. */
export async function processFilesInParallel(files: PendingFile[], options: ProcessOptions): Promise<ProcessResult[]> {
  const workerCount = Math.min(os.availableParallelism(), 4, Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (workerCount <= 1) return files.map((file) => processFile(file.relativePath, file.bytes, options));

  const results: ProcessResult[] = new Array<ProcessResult>(files.length);
  let next = 0;
  const workerFile = path.join(__dirname, "process-worker.ts");
  // tsx has to be registered inside the worker too; the scripts that call this run under tsx. The sanitizer is
  // loaded first, by Node itself: under tsx's hook, jsdom's ESM-only parser (parse5) is rewritten into CommonJS
  // whose every constant read is a getter call, which made sanitizing about a quarter slower (measured).
  const bootstrap = `require("isomorphic-dompurify"); require("tsx/cjs"); require(${JSON.stringify(workerFile)});`;

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(bootstrap, { eval: true });
      const sendNext = (): void => {
        const id = next;
        const file = files[id];
        if (!file) {
          void worker.terminate().then(() => resolve());
          return;
        }
        next += 1;
        const request: WorkerRequest = { id, relativePath: file.relativePath, bytes: file.bytes, options };
        worker.postMessage(request);
      };
      worker.on("message", (message: { id: number; result: ProcessResult }) => {
        results[message.id] = message.result;
        sendNext();
      });
      worker.on("error", reject);
      sendNext();
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return results;
}
