/**
 * What the build's search index (`lib/content/search/build-search-index.ts`) and the search page
 * (`components/search/`) agree on.
 */

/** The index's folder inside the store: it is built from the store and swapped in with it. */
export const SEARCH_INDEX_FOLDER = "search";

/** Where the browser loads the index from (`app/pagefind/[...file]/route.ts`). */
export const SEARCH_INDEX_URL = "/pagefind/";

/**
 * The language Pagefind is told the articles are in: "undetermined", so that it neither segments Chinese itself
 * nor stems Latin words, at build time or in the browser. The text is already cut (`search-terms.ts`).
 */
export const SEARCH_LANGUAGE = "und";

/** The meta data and filter names of each indexed article. */
export const SEARCH_FIELDS = {
  title: "title",
  /** The first category path, its names joined by " / ". */
  category: "category",
  author: "author",
  /** ISO date, for `<time dateTime>`. */
  date: "date",
  /** The date as the site shows it. */
  dateText: "dateText",
  /** Filter: the article's top-level categories. */
  topCategory: "top",
} as const;

/** The User Timing entry the search page records for each search, from the pause in typing to results on screen. */
export const SEARCH_TIMING = "yuedu-search";
