import { promises as fs } from "node:fs";

const BATCH_BYTES = 4 << 20;

/**
 * Writes `chunks` to `file` (created or truncated) in writes of about 4 MB: the store's documents and the
 * sanitizing cache are thousands of lines, and one write per line would be one system call per line.
 */
export async function writeFileInBatches(file: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  const out = await fs.open(file, "w");
  try {
    let batch: Buffer[] = [];
    let batchBytes = 0;
    for await (const chunk of chunks) {
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= BATCH_BYTES) {
        await out.writeFile(Buffer.concat(batch));
        batch = [];
        batchBytes = 0;
      }
    }
    await out.writeFile(Buffer.concat(batch));
  } finally {
    await out.close();
  }
}
