/**
 * The content store: what `npm run build`'s content step writes and every page reads. A handful of files whatever
 * the size of the archive, each read a record at a time, so no process ever parses the whole archive — a page
 * reads its article, its neighbours and its list slice:
 *
 * - `manifest.json`: the category tree, counts and file sizes (small: it grows with categories, not articles).
 * - `summaries.jsonl` + `summaries.idx`: each article's summary (what a list shows), by article id.
 * - `documents.jsonl` + `documents.idx`: each article's body (HTML, headings, description), by article id.
 * - `entities.jsonl` + `entities.idx`: each mentioned entity (name, logo, count, newest mentions, entities named
 *   with it), by number: the most mentioned first.
 * - `lists.bin`: every list (home, each category level, author, tag, entity) as article ids, newest first.
 * - `slugs.idx`: slug → article id, sorted by a hash of the slug, for a binary search on disk.
 * - `entity-keys.idx`: entity key → entity number, the same way.
 * - `related.bin`: each article's related articles, `RELATED_PER_ARTICLE` ids (u32) per article id.
 * - `authors.json`, `tags.json`: the author and tag lists (read only by their pages).
 *
 * Article ids are positions in date order (0 is the newest), so an article's neighbours are the ids beside it.
 * A `.jsonl` file holds one JSON record per line, found through its `.idx` file: 12 bytes per record (start as
 * a 64-bit and length as a 32-bit little-endian integer). Records are reached only through the index, so a
 * later step can append a changed or added article and repoint its entry without rewriting the rest.
 *
 * A change to any of this bumps `STORE_FORMAT_VERSION`, so a server never reads a store of another layout.
 */
export const STORE_FORMAT_VERSION = 6;

export const STORE_FILES = {
  manifest: "manifest.json",
  summaries: "summaries.jsonl",
  summaryIndex: "summaries.idx",
  documents: "documents.jsonl",
  documentIndex: "documents.idx",
  entities: "entities.jsonl",
  entityIndex: "entities.idx",
  lists: "lists.bin",
  slugs: "slugs.idx",
  entityKeys: "entity-keys.idx",
  related: "related.bin",
  authors: "authors.json",
  tags: "tags.json",
} as const;

/** The manifest is what a server reads first; it names the store's format version. */
export const STORE_MANIFEST_FILE = STORE_FILES.manifest;

export type StoreFileName = (typeof STORE_FILES)[keyof typeof STORE_FILES];

/** Bytes of one `.idx` entry: where a record starts (u64) and how long it is (u32). */
export const RECORD_ENTRY_BYTES = 12;
/**
 * Bytes of one `slugs.idx` or `entity-keys.idx` entry: the key's hash (8 bytes, compared as bytes) and the
 * article id or entity number (u32).
 */
export const SLUG_ENTRY_BYTES = 12;
export const SLUG_HASH_BYTES = 8;
/** Bytes of one article id in `related.bin` (u32, little-endian; 0xffffffff is an empty slot). */
export const RELATED_ID_BYTES = 4;
export const NO_RELATED_ARTICLE = 0xffffffff;
/** Bytes of one article id in `lists.bin` (u32, little-endian). */
export const LIST_ID_BYTES = 4;
