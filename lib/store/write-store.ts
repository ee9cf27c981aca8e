import { promises as fs } from "node:fs";
import path from "node:path";
import { STORE_DOCUMENTS_FILE, STORE_INDEX_FILE, type StoredIndex } from "./format";
import type { StoreContents } from "./model";
import { writeFileInBatches } from "./write-in-batches";

/**
 * Writes the store (`format.ts`): every article's document as one line
 * of the documents file, then the index with each document's byte range. The
 * new store is written beside the old one and swapped in, so a failed build
 * never leaves a half-written store for `next build` or a running server to read.
 */
export async function writeStore(storeDir: string, site: StoreContents): Promise<void> {
  const staging = `${storeDir}.staging-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });

  const documentRanges: [number, number][] = [];
  function* documentLines(): Generator<Buffer> {
    let offset = 0;
    for (const [id, document] of site.documents.entries()) {
      // Ranges are looked up by the article's position in the index.
      if (document.summary.slug !== site.index.articles[id]?.slug) throw new Error(`store: document ${id} (${document.summary.slug}) is out of the index's order`);
      const line = Buffer.from(`${JSON.stringify(document)}\n`);
      documentRanges.push([offset, line.length - 1]);
      offset += line.length;
      yield line;
    }
  }
  await writeFileInBatches(path.join(staging, STORE_DOCUMENTS_FILE), documentLines());
  if (documentRanges.length !== site.index.articles.length) throw new Error(`store: ${documentRanges.length} documents for ${site.index.articles.length} articles`);
  const index: StoredIndex = { ...site.index, documentRanges };
  await fs.writeFile(path.join(staging, STORE_INDEX_FILE), JSON.stringify(index));

  const retired = `${storeDir}.retired-${process.pid}`;
  await fs.rm(retired, { recursive: true, force: true });
  await fs.rename(storeDir, retired).catch(() => undefined);
  await fs.rename(staging, storeDir);
  await fs.rm(retired, { recursive: true, force: true });
}
