/**
 * What the build's search index (`lib/content/search/build-search-index.ts`), the server that reads it
 * (`lib/store/search-index.ts`, `app/api/search/route.ts`) and the search page (`components/search/`) agree on.
 *
 * The index is a folder of the store, built from it and swapped in with it:
 * - `meta.json`: the format, the article count, the number of term buckets and the top-level category names;
 * - `buckets.bin`: where each bucket's entries start in `terms.bin` (float64 offsets, one more than buckets);
 * - `terms.bin`: per bucket, its terms (a term's bucket is its FNV-1a hash modulo the bucket count), each as
 *   byte length (u8), UTF-8 bytes, document frequency (u32), postings offset (f64) and length (u32);
 * - `postings.bin`: per term, its articles in id order: the id's distance from the previous one (varint), then a
 *   weight byte (how often the term occurs, at most 127, plus 128 when it is in the title);
 * - `tops.bin`: per article, where its top-level category numbers start (u32, one more than articles), then the
 *   numbers (u16);
 * - `texts.bin` / `texts.idx`: per article, its title, its labels (category names, tags, author) and its body's
 *   plain text, parted by NULs (UTF-8), and where each starts (f64, one more than articles), for phrase checks
 *   and snippets.
 */

import type { SnippetPart } from "./snippet";

/** The index's folder inside the store. */
export const SEARCH_INDEX_FOLDER = "search";
export const SEARCH_INDEX_FORMAT = 1;

export const SEARCH_INDEX_FILES = {
  meta: "meta.json",
  buckets: "buckets.bin",
  terms: "terms.bin",
  postings: "postings.bin",
  tops: "tops.bin",
  texts: "texts.bin",
  textOffsets: "texts.idx",
} as const;

export interface SearchIndexMeta {
  format: number;
  articles: number;
  terms: number;
  buckets: number;
  topCategories: string[];
}

/** The weight byte's flag for a term found in the article's title. */
export const IN_TITLE = 128;
export const MAX_TERM_FREQUENCY = 127;

/** FNV-1a over a term's UTF-8 bytes: where it is filed, the same on both sides. */
export function termHash(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/** Where the search page asks for results: `?q=…&category=…&from=…`. */
export const SEARCH_API_URL = "/api/search";
/** How many results one answer carries: the page shows them ten at a time. */
export const RESULTS_PER_PAGE = 10;

/** One result as the search page shows it, in the article's own words. */
export interface SearchResultItem {
  url: string;
  title: string;
  /** Where the title may wrap between two words (`ArticleSummary.titleBreaks`). */
  titleBreaks: number[];
  /** The first category path, its names joined by " / ". */
  category: string;
  author: string;
  /** ISO date, for `<time dateTime>`. */
  date: string;
  /** The date as the site shows it. */
  dateText: string;
  /** The body's text around the query's words, highlighted. */
  snippet: SnippetPart[];
}

/** The answer to one search request. */
export interface SearchAnswer {
  /** How many articles match (within the category, when one is chosen). */
  total: number;
  /** The matches per top-level category, without the category filter. */
  categoryCounts: Record<string, number>;
  /** What results highlight: the query's words. */
  words: string[];
  /** The results from `from` on, at most `RESULTS_PER_PAGE`, in rank order. */
  results: SearchResultItem[];
}

/** The User Timing entry the search page records for each search, from the pause in typing to results on screen. */
export const SEARCH_TIMING = "yuedu-search";
