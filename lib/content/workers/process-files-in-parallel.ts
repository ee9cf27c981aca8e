import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { processFile } from "../post/process-file";
import type { ProcessOptions, ProcessResult } from "../post/post-types";
import type { WorkerRequest } from "./process-worker";

export interface PendingFile {
  relativePath: string;
  bytes: Buffer;
}

/** Below this many files, starting workers (each loads jsdom) costs more than it saves. */
const PARALLEL_THRESHOLD = 48;
const FILES_IN_FLIGHT_PER_WORKER = 2;

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
      let inFlight = 0;
      let finished = false;
      const sendNext = (): void => {
        const id = next;
        const file = files[id];
        if (!file) {
          if (inFlight === 0 && !finished) {
            finished = true;
            void worker.terminate().then(() => resolve());
          }
          return;
        }
        next += 1;
        inFlight += 1;
        const request: WorkerRequest = { id, relativePath: file.relativePath, bytes: file.bytes, options };
        worker.postMessage(request);
      };
      worker.on("message", (message: { id: number; result: ProcessResult }) => {
        results[message.id] = message.result;
        inFlight -= 1;
        sendNext();
      });
      worker.on("error", reject);
      // A worker that dies (out of memory, say) must stop the build, never leave its files out of the site.
      worker.on("exit", (code) => {
        if (!finished) reject(new Error(`a sanitizing worker stopped (exit code ${code}) with ${inFlight} file(s) unfinished`));
      });
      // Two requests in flight, so a worker starts on its next file while the main thread takes in the last
      // result; with one, each worker idled for every round trip (measured: 5,000 files 8.2 s -> 7.8 s).
      for (let slot = 0; slot < FILES_IN_FLIGHT_PER_WORKER; slot += 1) sendNext();
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  for (let id = 0; id < files.length; id += 1) {
    if (results[id] === undefined) throw new Error(`no result for ${files[id]?.relativePath ?? `file ${id}`} from the sanitizing workers`);
  }
  return results;
}
