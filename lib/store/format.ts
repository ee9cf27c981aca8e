import type { SiteIndex } from "./model";

/**
 * The content store: what `npm run build`'s content step writes and every page reads. Two files, not one per
 * article (a build that creates thousands of small files pays for each in system time, and so does removing
 * them on the next build):
 *
 * - `index.json`: the site index, plus where each article's document sits in the documents file.
 * - `documents.jsonl`: every article's document as one line of JSON, in the index's order.
 *
 * A change to either bumps `STORE_FORMAT_VERSION`, so a server never reads a store of another layout.
 */
export const STORE_FORMAT_VERSION = 3;
export const STORE_INDEX_FILE = "index.json";
export const STORE_DOCUMENTS_FILE = "documents.jsonl";

/** `index.json` as written: the site index and each document's place in `documents.jsonl`. */
export interface StoredIndex extends SiteIndex {
  /** `[start, length]` in bytes within the documents file, by article id (the position in `articles`). */
  documentRanges: [number, number][];
}
