import { promises as fs } from "node:fs";
import path from "node:path";
import { forEachTerm, normalize } from "../../search/search-terms";
import {
  IN_TITLE,
  MAX_TERM_FREQUENCY,
  SEARCH_INDEX_FILES,
  SEARCH_INDEX_FOLDER,
  SEARCH_INDEX_FORMAT,
  termHash,
  type SearchIndexMeta,
} from "../../search/search-index-format";
import { ContentStore } from "../../store/read-store";
import { BatchedFile } from "../../store/write-in-batches";
import { plainTextOf } from "../sanitize/plain-text";

export interface SearchIndexOptions {
  /** Where to write the index instead of the store's `search/` folder (the bench rebuilds it aside). */
  outputDir?: string;
  /** No index for an archive of more articles than this (`YUEDU_SEARCH_LIMIT`); null: any size. */
  maxArticles?: number | null;
}

export interface SearchIndexResult {
  /** Why no index was built (the archive is larger than `maxArticles`), or null when it was. */
  skipped: string | null;
  articles: number;
  terms: number;
  files: number;
  bytes: number;
  seconds: number;
}

/** Bytes of one block of a term's postings while they are collected: the data, then the next block's number. */
const BLOCK_BYTES = 32;
const BLOCK_DATA = BLOCK_BYTES - 4;
/** Blocks per arena page (64 MB pages: a 100,000-article index needs a few dozen). */
const BLOCKS_PER_PAGE = (64 << 20) / BLOCK_BYTES;
/** About this many terms share a bucket: a lookup reads one bucket's entries (a few kilobytes). */
const TERMS_PER_BUCKET = 64;

/**
 * Every term's postings, appended article by article, in one arena of fixed-size blocks chained per term: millions
 * of terms (most of them pairs of characters seen once) would cost a typed array, or a JS array, each.
 */
class PostingsCollector {
  readonly termIds = new Map<string, number>();
  private readonly pages: Uint8Array[] = [];
  private blockCount = 0;
  // Per term, by id: first and last block, bytes used in the last block, last article id, articles, total bytes.
  private readonly head: number[] = [];
  private readonly tail: number[] = [];
  private readonly fill: number[] = [];
  private readonly lastId: number[] = [];
  readonly frequency: number[] = [];
  readonly length: number[] = [];

  get termCount(): number {
    return this.head.length;
  }

  add(term: string, articleId: number, weight: number): void {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.head.length;
      this.termIds.set(term, termId);
      const block = this.newBlock();
      this.head.push(block);
      this.tail.push(block);
      this.fill.push(0);
      this.lastId.push(-1);
      this.frequency.push(0);
      this.length.push(0);
    }
    let gap = articleId - (this.lastId[termId] ?? -1);
    this.lastId[termId] = articleId;
    this.frequency[termId] = (this.frequency[termId] ?? 0) + 1;
    while (gap >= 0x80) {
      this.push(termId, (gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    this.push(termId, gap);
    this.push(termId, weight);
  }

  /** A term's postings, block by block. */
  *chunks(termId: number): Generator<Uint8Array> {
    let left = this.length[termId] ?? 0;
    let block = this.head[termId] ?? 0;
    while (left > 0) {
      const take = Math.min(left, BLOCK_DATA);
      const { page, at } = this.locate(block);
      yield page.subarray(at, at + take);
      left -= take;
      block = new DataView(page.buffer, page.byteOffset + at + BLOCK_DATA, 4).getUint32(0, true);
    }
  }

  private push(termId: number, byte: number): void {
    let fill = this.fill[termId] ?? 0;
    let tail = this.tail[termId] ?? 0;
    if (fill === BLOCK_DATA) {
      const next = this.newBlock();
      const { page, at } = this.locate(tail);
      new DataView(page.buffer, page.byteOffset + at + BLOCK_DATA, 4).setUint32(0, next, true);
      tail = next;
      this.tail[termId] = next;
      fill = 0;
    }
    const { page, at } = this.locate(tail);
    page[at + fill] = byte;
    this.fill[termId] = fill + 1;
    this.length[termId] = (this.length[termId] ?? 0) + 1;
  }

  private newBlock(): number {
    const block = this.blockCount;
    this.blockCount += 1;
    if (Math.floor(block / BLOCKS_PER_PAGE) >= this.pages.length) this.pages.push(new Uint8Array(BLOCKS_PER_PAGE * BLOCK_BYTES));
    return block;
  }

  private locate(block: number): { page: Uint8Array; at: number } {
    const page = this.pages[Math.floor(block / BLOCKS_PER_PAGE)];
    if (!page) throw new Error(`search index: postings block ${block} does not exist`);
    return { page, at: (block % BLOCKS_PER_PAGE) * BLOCK_BYTES };
  }
}

function float64s(values: readonly number[]): Buffer {
  const bytes = Buffer.alloc(values.length * 8);
  values.forEach((value, at) => bytes.writeDoubleLE(value, at * 8));
  return bytes;
}

/**
 * Builds the search index of the store in `storeDir` into its `search/` folder (`search-index-format.ts`): every
 * article, read from the store (not from built pages, so the articles rendered on first request are found too),
 * its title and body cut into terms (`search-terms.ts`). The server answers queries from it
 * (`lib/store/search-index.ts`); nothing of it is sent to browsers but results.
 */
export async function buildSearchIndex(storeDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  const store = ContentStore.open(storeDir);
  const outputDir = options.outputDir ?? path.join(storeDir, SEARCH_INDEX_FOLDER);
  try {
    const count = store.articleCount;
    const limit = options.maxArticles ?? null;
    if (limit !== null && count > limit) {
      const skipped = limit === 0 ? "YUEDU_SEARCH_LIMIT is 0" : `${count} articles are more than YUEDU_SEARCH_LIMIT (${limit})`;
      return { skipped, articles: 0, terms: 0, files: 0, bytes: 0, seconds: 0 };
    }
    await fs.mkdir(outputDir, { recursive: true });
    const file = (name: string): string => path.join(outputDir, name);
    const collector = new PostingsCollector();
    const texts = await BatchedFile.create(file(SEARCH_INDEX_FILES.texts));
    const textOffsets: number[] = [];
    const topNumbers = new Map<string, number>();
    const topStarts: number[] = [];
    const tops: number[] = [];
    try {
      for (let id = 0; id < count; id += 1) {
        const summary = store.summary(id);
        const body = store.body(id);
        if (!summary || !body) throw new Error(`search index: article ${id} is missing from the store`);
        // NUL parts the title, the labels and the body in texts.bin; in the content it is nothing a reader searches for.
        const oneLine = (raw: string): string => normalize(raw).replace(/[\s\u0000]+/g, " ").trim();
        const title = oneLine(summary.title);
        // What the article is filed under is found too: a search for AI finds the articles of the category AI 应用.
        const labels = oneLine([...summary.categories.flatMap((category) => category.names), ...summary.tags.map((tag) => tag.name), summary.author?.name ?? ""].join(" "));
        const text = oneLine(plainTextOf(body.html));
        textOffsets.push(await texts.append(Buffer.from(`${title}\u0000${labels}\u0000${text}`, "utf8")));

        topStarts.push(tops.length);
        for (const name of new Set(summary.categories.flatMap((category) => category.names.slice(0, 1)))) {
          let number = topNumbers.get(name);
          if (number === undefined) {
            number = topNumbers.size;
            topNumbers.set(name, number);
          }
          tops.push(number);
        }

        const frequencies = new Map<string, number>();
        const inTitle = new Set<string>();
        forEachTerm(title, (term) => {
          inTitle.add(term);
          frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        });
        const tally = (term: string): void => void frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        forEachTerm(labels, tally);
        forEachTerm(text, tally);
        for (const [term, frequency] of frequencies) {
          collector.add(term, id, Math.min(frequency, MAX_TERM_FREQUENCY) | (inTitle.has(term) ? IN_TITLE : 0));
        }
      }
      textOffsets.push(texts.size);
    } finally {
      await texts.close();
    }
    if (topNumbers.size > 0xffff) throw new Error(`search index: ${topNumbers.size} top-level categories are more than the index can number`);

    // Terms filed by bucket, each bucket's entries together in terms.bin; postings in the same order.
    const termCount = collector.termCount;
    const bucketCount = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, termCount / TERMS_PER_BUCKET))));
    const byBucket: number[][] = Array.from({ length: bucketCount }, () => []);
    const termBytes: Buffer[] = new Array<Buffer>(termCount);
    for (const [term, termId] of collector.termIds) {
      const bytes = Buffer.from(term, "utf8");
      termBytes[termId] = bytes;
      byBucket[termHash(bytes) % bucketCount]?.push(termId);
    }
    const termsFile = await BatchedFile.create(file(SEARCH_INDEX_FILES.terms));
    const postingsFile = await BatchedFile.create(file(SEARCH_INDEX_FILES.postings));
    const bucketOffsets: number[] = [];
    try {
      // One write per bucket, not per term: most terms are a few bytes.
      for (const termIds of byBucket) {
        bucketOffsets.push(termsFile.size);
        const entries: Buffer[] = [];
        const postings: Uint8Array[] = [];
        let postingsAt = postingsFile.size;
        for (const termId of termIds) {
          const bytes = termBytes[termId];
          if (!bytes || bytes.length > 0xff) throw new Error(`search index: term ${termId} cannot be stored`);
          const length = collector.length[termId] ?? 0;
          for (const chunk of collector.chunks(termId)) postings.push(chunk);
          const entry = Buffer.alloc(1 + bytes.length + 16);
          entry.writeUInt8(bytes.length, 0);
          bytes.copy(entry, 1);
          entry.writeUInt32LE(collector.frequency[termId] ?? 0, 1 + bytes.length);
          entry.writeDoubleLE(postingsAt, 5 + bytes.length);
          entry.writeUInt32LE(length, 13 + bytes.length);
          entries.push(entry);
          postingsAt += length;
        }
        await postingsFile.append(Buffer.concat(postings));
        await termsFile.append(Buffer.concat(entries));
      }
      bucketOffsets.push(termsFile.size);
    } finally {
      await Promise.all([termsFile.close(), postingsFile.close()]);
    }

    const topsBytes = Buffer.alloc((topStarts.length + 1) * 4 + tops.length * 2);
    [...topStarts, tops.length].forEach((start, at) => topsBytes.writeUInt32LE(start, at * 4));
    tops.forEach((number, at) => topsBytes.writeUInt16LE(number, (topStarts.length + 1) * 4 + at * 2));
    const meta: SearchIndexMeta = { format: SEARCH_INDEX_FORMAT, articles: count, terms: termCount, buckets: bucketCount, topCategories: [...topNumbers.keys()] };
    await Promise.all([
      fs.writeFile(file(SEARCH_INDEX_FILES.buckets), float64s(bucketOffsets)),
      fs.writeFile(file(SEARCH_INDEX_FILES.textOffsets), float64s(textOffsets)),
      fs.writeFile(file(SEARCH_INDEX_FILES.tops), topsBytes),
    ]);
    // Written last: an index without it is no index (an interrupted build leaves none).
    await fs.writeFile(file(SEARCH_INDEX_FILES.meta), JSON.stringify(meta));
    const { files, bytes } = await folderSize(outputDir);
    return { skipped: null, articles: count, terms: termCount, files, bytes, seconds: (performance.now() - started) / 1000 };
  } finally {
    store.close();
  }
}

/** How many files a folder holds, and their bytes, all the way down (the index's size on disk). */
export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
