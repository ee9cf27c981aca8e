import { promises as fs } from "node:fs";
import path from "node:path";
import { LIST_ID_BYTES, RECORD_ENTRY_BYTES, SLUG_ENTRY_BYTES, STORE_FILES, STORE_FORMAT_VERSION, type StoreFileName } from "./format";
import type { StoreManifest } from "./manifest";
import type { ArticleBody, ArticleSummary, CategoryNode, EntityRecord, ListRef, NamedGroup } from "./model";
import { slugHash } from "./slug-hash";
import { BatchedFile } from "./write-in-batches";

/** Where a record was written in its `.jsonl` file. */
export interface RecordRef {
  start: number;
  length: number;
}

/** Everything the store holds but the bodies, which were appended while the posts were read. */
export interface StoreIndex {
  builtAt: Date;
  /** By article id (date order, newest first). */
  summaries: ArticleSummary[];
  /** By article id: where `appendBody` put the article's body. */
  bodies: RecordRef[];
  /** The list of every article, newest first (the home page). */
  home: ListRef;
  categories: CategoryNode[];
  authors: NamedGroup[];
  tags: NamedGroup[];
  /** By entity number. */
  entities: EntityRecord[];
  /** `RELATED_PER_ARTICLE` article ids per article id. */
  related: Uint32Array;
  /** Every list's article ids, end to end; `ListRef`s point into it. */
  lists: Uint32Array;
}

const NEWLINE = Buffer.from("\n");

/**
 * Writes a store (`format.ts`) into a staging folder beside `storeDir` and swaps it in whole when done, so a
 * failed build never leaves a half-written store for `next build` or a running server. Bodies are appended as
 * the posts are read (the build never holds every body in memory); `finish` writes the rest from the index.
 */
export class StoreWriter {
  private finished = false;

  private constructor(
    private readonly storeDir: string,
    private readonly staging: string,
    private readonly documents: BatchedFile,
  ) {}

  static async create(storeDir: string): Promise<StoreWriter> {
    const staging = `${storeDir}.staging-${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    return new StoreWriter(storeDir, staging, await BatchedFile.create(path.join(staging, STORE_FILES.documents)));
  }

  /** Appends one article's body; the index later says which article it belongs to. */
  async appendBody(body: ArticleBody): Promise<RecordRef> {
    const json = Buffer.from(JSON.stringify(body));
    const start = await this.documents.append(json);
    await this.documents.append(NEWLINE);
    return { start, length: json.length };
  }

  /**
   * Writes the index and swaps the finished store in place of the old one. `beforeSwap` gets the finished store's
   * folder and the old store's, for what is built from the store and goes with it (the search index).
   */
  async finish(index: StoreIndex, beforeSwap?: (stagedDir: string, previousDir: string) => Promise<void>): Promise<void> {
    if (index.bodies.length !== index.summaries.length) throw new Error(`store: ${index.bodies.length} bodies for ${index.summaries.length} articles`);
    index.summaries.forEach((summary, id) => {
      if (summary.id !== id) throw new Error(`store: summary ${id} (${summary.slug}) is out of order`);
    });
    await this.documents.close();
    const file = (name: StoreFileName): string => path.join(this.staging, name);
    await fs.writeFile(file(STORE_FILES.documentIndex), recordIndex(index.bodies));
    await writeRecords(file(STORE_FILES.summaries), file(STORE_FILES.summaryIndex), index.summaries);
    await writeRecords(file(STORE_FILES.entities), file(STORE_FILES.entityIndex), index.entities);
    await fs.writeFile(file(STORE_FILES.lists), Buffer.from(index.lists.buffer, index.lists.byteOffset, index.lists.length * LIST_ID_BYTES));
    await fs.writeFile(file(STORE_FILES.slugs), hashTable(index.summaries.map((summary) => ({ key: summary.slug, value: summary.id }))));
    await fs.writeFile(file(STORE_FILES.entityKeys), hashTable(index.entities.map((entity, number) => ({ key: entity.key, value: number }))));
    await fs.writeFile(file(STORE_FILES.related), Buffer.from(index.related.buffer, index.related.byteOffset, index.related.byteLength));
    await fs.writeFile(file(STORE_FILES.authors), JSON.stringify(index.authors));
    await fs.writeFile(file(STORE_FILES.tags), JSON.stringify(index.tags));

    const sizes: Partial<Record<StoreFileName, number>> = {};
    for (const name of Object.values(STORE_FILES)) {
      if (name !== STORE_FILES.manifest) sizes[name] = (await fs.stat(file(name))).size;
    }
    const manifest: StoreManifest = {
      formatVersion: STORE_FORMAT_VERSION,
      builtAt: index.builtAt.toISOString(),
      articleCount: index.summaries.length,
      entityCount: index.entities.length,
      authorCount: index.authors.length,
      tagCount: index.tags.length,
      home: index.home,
      categories: index.categories,
      sizes,
    };
    // Written last: a reader that finds the manifest finds every file it names.
    await fs.writeFile(file(STORE_FILES.manifest), JSON.stringify(manifest));
    await beforeSwap?.(this.staging, this.storeDir);

    const retired = `${this.storeDir}.retired-${process.pid}`;
    await fs.rm(retired, { recursive: true, force: true });
    await fs.rename(this.storeDir, retired).catch(() => undefined);
    await fs.rename(this.staging, this.storeDir);
    this.finished = true;
    await fs.rm(retired, { recursive: true, force: true });
  }

  /** Removes the staging folder of a build that stopped (the old store stays). */
  async discard(): Promise<void> {
    if (this.finished) return;
    await this.documents.close().catch(() => undefined);
    await fs.rm(this.staging, { recursive: true, force: true });
  }
}

/** One `.idx` entry per record: start (u64) and length (u32), little-endian. */
function recordIndex(refs: readonly RecordRef[]): Buffer {
  const table = Buffer.alloc(refs.length * RECORD_ENTRY_BYTES);
  refs.forEach((ref, at) => {
    table.writeBigUInt64LE(BigInt(ref.start), at * RECORD_ENTRY_BYTES);
    table.writeUInt32LE(ref.length, at * RECORD_ENTRY_BYTES + 8);
  });
  return table;
}

/** Writes one JSON line per record and the index of where each starts. */
async function writeRecords(dataFile: string, indexFile: string, records: readonly unknown[]): Promise<void> {
  const out = await BatchedFile.create(dataFile);
  const refs: RecordRef[] = [];
  try {
    for (const record of records) {
      const json = Buffer.from(JSON.stringify(record));
      refs.push({ start: await out.append(json), length: json.length });
      await out.append(NEWLINE);
    }
  } finally {
    await out.close();
  }
  await fs.writeFile(indexFile, recordIndex(refs));
}

/**
 * `slugs.idx`, `entity-keys.idx`: every key's hash and value (article id, entity number), sorted by hash, so a
 * reader finds a key by binary search.
 */
function hashTable(pairs: readonly { key: string; value: number }[]): Buffer {
  const entries = pairs.map((pair) => ({ hash: slugHash(pair.key), value: pair.value }));
  entries.sort((a, b) => Buffer.compare(a.hash, b.hash) || a.value - b.value);
  const table = Buffer.alloc(entries.length * SLUG_ENTRY_BYTES);
  entries.forEach((entry, at) => {
    entry.hash.copy(table, at * SLUG_ENTRY_BYTES);
    table.writeUInt32LE(entry.value, at * SLUG_ENTRY_BYTES + entry.hash.length);
  });
  return table;
}
