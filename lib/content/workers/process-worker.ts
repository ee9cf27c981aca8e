import { parentPort } from "node:worker_threads";
import { processFile } from "../post/process-file";
import type { ProcessOptions } from "../post/post-types";

/** Worker side of `process-files-in-parallel.ts`: one file in, one result out. */
export interface WorkerRequest {
  id: number;
  relativePath: string;
  bytes: Uint8Array;
  options: ProcessOptions;
}

parentPort?.on("message", (request: WorkerRequest) => {
  const result = processFile(request.relativePath, Buffer.from(request.bytes), request.options);
  parentPort?.postMessage({ id: request.id, result });
});
