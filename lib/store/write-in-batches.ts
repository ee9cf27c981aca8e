import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";

const BATCH_BYTES = 4 << 20;

/**
 * A file written front to back in writes of about 4 MB: the store's record files and the sanitizing cache are
 * thousands of lines, and one write per line would be one system call per line. `append` says where each
 * chunk starts, so a record's place is known as it is written.
 */
export class BatchedFile {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  /** Bytes handed to writes so far (each batch is written at its own position, so writes may overlap safely). */
  private flushed = 0;
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(private readonly handle: FileHandle) {}

  /** Creates (or truncates) `file`. */
  static async create(file: string): Promise<BatchedFile> {
    return new BatchedFile(await fs.open(file, "w"));
  }

  /** Bytes appended so far. */
  get size(): number {
    return this.flushed + this.batchBytes;
  }

  /** Appends `chunk`; returns the offset it starts at. */
  async append(chunk: Buffer): Promise<number> {
    const offset = this.size;
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes >= BATCH_BYTES) await this.flush();
    return offset;
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  private async flush(): Promise<void> {
    if (this.batchBytes > 0) {
      const data = Buffer.concat(this.batch, this.batchBytes);
      const position = this.flushed;
      this.batch = [];
      this.flushed += this.batchBytes;
      this.batchBytes = 0;
      this.writes = Promise.all([this.writes, writeAll(this.handle, data, position)]);
    }
    await this.writes;
  }
}

/** `data` at `position`, however many writes that takes. */
async function writeAll(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** Writes `chunks` to `file` (created or truncated) through a `BatchedFile`. */
export async function writeFileInBatches(file: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  const out = await BatchedFile.create(file);
  try {
    for await (const chunk of chunks) await out.append(chunk);
  } finally {
    await out.close();
  }
}
