import { parentPort } from "node:worker_threads";
import { processFile } from "../post/process-file";
import type { ProcessOptions, ProcessResult } from "../post/post-types";

/** Worker side of `process-files-in-parallel.ts`: one file's bytes in, its result out. */
export interface WorkerRequest {
  id: number;
  relativePath: string;
  bytes: Uint8Array;
  options: ProcessOptions;
}

export interface WorkerResponse {
  id: number;
  result: ProcessResult;
}

parentPort?.on("message", (request: WorkerRequest) => {
  const response: WorkerResponse = { id: request.id, result: processFile(request.relativePath, Buffer.from(request.bytes), request.options) };
  parentPort?.postMessage(response);
});
