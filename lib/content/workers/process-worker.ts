import { parentPort } from "node:worker_threads";
import { processSourceFile, type ProcessedSource } from "./process-source-file";
import type { ProcessOptions } from "../post/post-types";
import type { SourceFile } from "../source/read-source-files";

/** Worker side of `process-files-in-parallel.ts`: one file named, read and processed here, its result sent back. */
export interface WorkerRequest {
  id: number;
  file: SourceFile;
  options: ProcessOptions;
}

export interface WorkerResponse {
  id: number;
  processed: ProcessedSource;
}

parentPort?.on("message", (request: WorkerRequest) => {
  void processSourceFile(request.file, request.options).then((processed) => {
    const response: WorkerResponse = { id: request.id, processed };
    parentPort?.postMessage(response);
  });
});
