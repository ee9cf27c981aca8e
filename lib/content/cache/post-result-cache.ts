import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { BatchedFile } from "../../store/write-in-batches";
import type { ProcessOptions, ProcessResult } from "../post/post-types";

/** Bump when the pipeline's output changes shape or policy, so old cache entries are ignored. */
export const PIPELINE_VERSION = "yuedu-pipeline-10";

/** The cache key of one file: its bytes, its path (the URL comes from it) and every option that changes the output. */
export function cacheKey(relativePath: string, bytes: Buffer, options: ProcessOptions): string {
  return createHash("sha256")
    .update(`${PIPELINE_VERSION}\0${options.timeZone}\0${options.siteOrigin}\0${relativePath}\0`)
    .update(bytes)
    .digest("hex");
}

/** One line per result: the 64-character key, a space, the result as JSON (which never holds a raw newline). */
export const CACHE_PACK_FILE = "results.jsonl";
const KEY_LENGTH = 64;
const NEWLINE = 0x0a;
const LINE_END = Buffer.from("\n");
/** The layout of earlier versions: one file per result in 256 folders named by the key's first two characters. */
const LEGACY_ENTRY_FOLDER = /^[0-9a-f]{2}$/;

interface ByteRange {
  start: number;
  end: number;
}

/**
 * Processing a post (above all, sanitizing its body) is the expensive step of a
 * build, so each file's result — its article, or its problems — is kept and
 * reused until the file (or the pipeline) changes. All results live in one
 * file that every build rewrites with exactly the results it used: the cache
 * never holds more than the content it was built from, and a build writes one
 * file instead of one per post (creating thousands of small files is system
 * time every build pays).
 *
 * `open` only indexes where each line starts; `get` reads and parses one entry;
 * `set` appends a fresh result to the new pack at once. Memory holds offsets,
 * never the results themselves, however large the archive.
 */
export class PostResultCache {
  /** Results of the old pack this build used, copied into the new pack as they are by `save`. */
  private readonly reused = new Map<string, ByteRange>();
  /** Keys already in the new pack. */
  private readonly written = new Set<string>();
  private next: BatchedFile | null = null;
  private opening: Promise<BatchedFile | null> | null = null;
  private broken = false;

  private constructor(
    private readonly dir: string,
    private readonly pack: FileHandle | null,
    private readonly ranges: Map<string, ByteRange>,
  ) {}

  static async open(dir: string): Promise<PostResultCache> {
    const file = path.join(dir, CACHE_PACK_FILE);
    let pack: FileHandle;
    try {
      pack = await fs.open(file, "r");
    } catch {
      return new PostResultCache(dir, null, new Map());
    }
    try {
      return new PostResultCache(dir, pack, await indexLines(file));
    } catch {
      // An unreadable pack only makes this build slower.
      await pack.close();
      return new PostResultCache(dir, null, new Map());
    }
  }

  /** How many results the old pack holds. */
  get size(): number {
    return this.pack ? this.ranges.size : 0;
  }

  async get(key: string): Promise<ProcessResult | null> {
    const range = this.ranges.get(key);
    if (!this.pack || !range) return null;
    try {
      const value: unknown = JSON.parse((await this.read(this.pack, range)).toString("utf8"));
      if (!isProcessResult(value)) return null;
      this.reused.set(key, range);
      return value;
    } catch {
      return null;
    }
  }

  /**
   * A fresh result: appended to the new pack now (so the build need not hold it). Never throws: a cache that
   * cannot be written only makes the next build slower.
   */
  async set(key: string, value: ProcessResult): Promise<void> {
    if (this.written.has(key) || this.reused.has(key)) return;
    const out = await this.newPack();
    if (!out) return;
    this.written.add(key);
    await this.writeLine(out, key, Buffer.from(JSON.stringify(value)));
  }

  /**
   * Finishes the new pack with the old results this build reused (copied as bytes, not parsed and stringified
   * again) and renames it over the old one, so a build that stops halfway leaves the previous pack whole. Never
   * throws.
   */
  async save(): Promise<void> {
    const target = path.join(this.dir, CACHE_PACK_FILE);
    try {
      const out = await this.newPack();
      if (!out) return;
      for (const [key, range] of this.reused) {
        if (this.pack && !this.written.has(key)) await this.writeLine(out, key, await this.read(this.pack, range));
      }
      await out.close();
      this.next = null;
      if (this.broken) throw new Error("the new pack could not be written");
      await fs.rename(this.temporaryFile(), target);
      await removeLegacyEntries(this.dir);
    } catch {
      await this.next?.close().catch(() => undefined);
      await fs.rm(this.temporaryFile(), { force: true }).catch(() => undefined);
    } finally {
      await this.pack?.close().catch(() => undefined);
    }
  }

  private temporaryFile(): string {
    return path.join(this.dir, `${CACHE_PACK_FILE}.${process.pid}.tmp`);
  }

  /** The pack being written, created on first use (once, however many results arrive at a time); null once it has failed. */
  private newPack(): Promise<BatchedFile | null> {
    this.opening ??= (async () => {
      try {
        await fs.mkdir(this.dir, { recursive: true });
        this.next = await BatchedFile.create(this.temporaryFile());
        return this.next;
      } catch {
        this.broken = true;
        return null;
      }
    })();
    return this.broken ? Promise.resolve(null) : this.opening;
  }

  private async writeLine(out: BatchedFile, key: string, json: Buffer): Promise<void> {
    try {
      await out.append(Buffer.concat([Buffer.from(`${key} `, "latin1"), json, LINE_END]));
    } catch {
      this.broken = true;
    }
  }

  private async read(pack: FileHandle, range: ByteRange): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(range.end - range.start);
    const { bytesRead } = await pack.read(buffer, 0, buffer.length, range.start);
    if (bytesRead !== buffer.length) throw new Error("short read");
    return buffer;
  }
}

/** Where each well-formed line's JSON starts and ends, by key; a torn last line (no newline) is left out. */
async function indexLines(file: string): Promise<Map<string, ByteRange>> {
  const ranges = new Map<string, ByteRange>();
  let lineStart = 0;
  let offset = 0;
  let keyBytes: Buffer[] = [];
  let keyLength = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (!Buffer.isBuffer(chunk)) continue;
    let from = 0;
    for (;;) {
      // Collect the line's key (it may straddle two chunks).
      if (keyLength < KEY_LENGTH + 1) {
        const take = chunk.subarray(from, from + (KEY_LENGTH + 1 - keyLength));
        keyBytes.push(take);
        keyLength += take.length;
      }
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) break;
      const end = offset + newline;
      const head = Buffer.concat(keyBytes).toString("latin1");
      if (head.length === KEY_LENGTH + 1 && /^[0-9a-f]{64} $/.test(head) && end > lineStart + KEY_LENGTH + 1) {
        ranges.set(head.slice(0, KEY_LENGTH), { start: lineStart + KEY_LENGTH + 1, end });
      }
      from = newline + 1;
      lineStart = offset + from;
      keyBytes = [];
      keyLength = 0;
    }
    offset += chunk.length;
  }
  return ranges;
}

async function removeLegacyEntries(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory() && LEGACY_ENTRY_FOLDER.test(entry.name)) await fs.rm(path.join(dir, entry.name), { recursive: true, force: true });
  }
}

function isProcessResult(value: unknown): value is ProcessResult {
  if (value === null || typeof value !== "object" || !("ok" in value)) return false;
  return value.ok === true ? "article" in value : value.ok === false && "problems" in value;
}
