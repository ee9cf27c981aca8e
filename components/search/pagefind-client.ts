import { SEARCH_FIELDS, SEARCH_INDEX_URL, SEARCH_LANGUAGE } from "@/lib/search/search-index-format";
import { indexableText, readableText, type SearchQuery } from "@/lib/search/search-terms";
import { isRecord } from "@/lib/util/is-record";

/** What this site uses of Pagefind's browser API (pagefind.js, served from the store by `app/pagefind/`). */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<unknown>;
  search(term: string, options: { filters?: Record<string, string> }): Promise<unknown>;
}

/** One hit of a search, in rank order; `load` fetches what its result shows. */
export interface SearchHit {
  id: string;
  load: () => Promise<SearchHitData>;
}

/** What a result shows, in the article's own words. */
export interface SearchHitData {
  url: string;
  title: string;
  /** The body's text (the title left out), for the snippet. */
  text: string;
  category: string;
  author: string;
  date: string;
  dateText: string;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** Results per top-level category for the same query without the category filter. */
  categoryCounts: Record<string, number>;
}

function isPagefindModule(value: unknown): value is PagefindModule {
  return isRecord(value) && ["options", "init", "filters", "search"].every((name) => typeof value[name] === "function");
}

let loading: Promise<PagefindModule> | null = null;

/**
 * Loads Pagefind's script and WebAssembly the first time search is needed (the search box focused, or a query in
 * the URL), never with the page. A failed load is forgotten, so the next attempt tries again.
 */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${SEARCH_INDEX_URL}pagefind.js`)
    .then(async (loaded: unknown) => {
      if (!isPagefindModule(loaded)) throw new Error("pagefind.js is not Pagefind's module");
      // Excerpts are made here from the stored text (Pagefind's would show the index's pairs of characters).
      await loaded.options({ basePath: SEARCH_INDEX_URL, excerptLength: 0 });
      // Pagefind takes the language of its queries from <html lang>, which is zh-CN, and would then cut each query
      // with the browser's word segmenter (周大 into 周 and 大) whatever language the index is in. Its `init` reads
      // the attribute synchronously, so the page's language is swapped for the index's for that one call only.
      const root = document.documentElement;
      const pageLanguage = root.lang;
      root.lang = SEARCH_LANGUAGE;
      const initialized = loaded.init();
      root.lang = pageLanguage;
      await initialized;
      // Loads the filter index, so that each search also counts its results per category.
      await loaded.filters();
      return loaded;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

function stringField(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  return typeof value === "string" ? value : "";
}

function hitData(raw: unknown): SearchHitData {
  const data = isRecord(raw) ? raw : {};
  const meta = isRecord(data.meta) ? data.meta : {};
  const title = stringField(meta, SEARCH_FIELDS.title);
  // The stored content is the <h1> (the title), then the body, each ended by Pagefind with a full stop.
  const content = readableText(stringField(data, "content"));
  const titlePrefix = readableText(indexableText(title));
  const text = (content.startsWith(titlePrefix) ? content.slice(titlePrefix.length) : content).replace(/^\.\s*/, "").replace(/\.$/, "");
  return {
    url: stringField(data, "url"),
    title,
    text,
    category: stringField(meta, SEARCH_FIELDS.category),
    author: stringField(meta, SEARCH_FIELDS.author),
    date: stringField(meta, SEARCH_FIELDS.date),
    dateText: stringField(meta, SEARCH_FIELDS.dateText),
  };
}

interface RawResult {
  id: string;
  /** Positions of the matched words in the article's indexed text, ascending. */
  words: number[];
  data: () => Promise<unknown>;
}

/** The results of a Pagefind response, in rank order. */
function rawResults(response: unknown): RawResult[] {
  const results = isRecord(response) && Array.isArray(response.results) ? response.results : [];
  return results.flatMap((result: unknown) => {
    if (!isRecord(result)) return [];
    const load: unknown = result.data;
    const words = Array.isArray(result.words) ? result.words.filter((word): word is number => typeof word === "number") : [];
    return typeof load === "function" ? [{ id: String(result.id), words, data: async (): Promise<unknown> => load.call(result) }] : [];
  });
}

/** Whether `count` of the positions follow one another: a run of the query's pairs found in a row, not scattered. */
function hasConsecutive(positions: readonly number[], count: number): boolean {
  if (count <= 1) return true;
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let streak = 1;
  for (let at = 1; at < sorted.length; at += 1) {
    streak = sorted[at] === (sorted[at - 1] ?? Number.NaN) + 1 ? streak + 1 : 1;
    if (streak >= count) return true;
  }
  return false;
}

function hitsOf(results: readonly RawResult[], longestRun: number): SearchHit[] {
  return results
    .filter((result) => hasConsecutive(result.words, longestRun))
    .map(({ id, data }) => ({ id, load: async () => hitData(await data()) }));
}

function categoryCountsOf(response: unknown): Record<string, number> {
  const filters = isRecord(response) && isRecord(response.totalFilters) ? response.totalFilters : {};
  const counts = filters[SEARCH_FIELDS.topCategory];
  return Object.fromEntries(Object.entries(isRecord(counts) ? counts : {}).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

/** A term as Pagefind indexes words: its letters and digits, lower-cased. */
function asIndexedWord(text: string): string {
  return Array.from(text.toLowerCase()).filter((character) => /[\p{L}\p{N}]/u.test(character)).join("");
}

/**
 * Whether every term of the query is really in `best`, the best result (the first one matched in its text: a
 * result matched only in its meta data, such as its date, has no word positions), in its text or meta data. Two of
 * Pagefind's behaviours would otherwise show articles without a term: a term that matches nothing is left out of
 * the query instead of emptying it, and a term that no indexed word starts with is replaced by the longest indexed
 * word it starts with (xyzzy by x). Every result has every term Pagefind kept, so when one is missing from the
 * best result, Pagefind dropped or replaced it and nothing was found. This costs no request of its own: the best
 * result's fragment is the first one the page shows, and Pagefind keeps it.
 */
async function hasEveryTerm(best: RawResult, terms: readonly string[]): Promise<boolean> {
  const data = await best.data();
  const record = isRecord(data) ? data : {};
  const meta = isRecord(record.meta) ? Object.values(record.meta).filter((value): value is string => typeof value === "string") : [];
  const words = [stringField(record, "content"), ...meta].flatMap((text) => text.split(/\s+/).map(asIndexedWord));
  return terms.every((term) => {
    const word = asIndexedWord(term);
    return words.some((indexed) => indexed.startsWith(word));
  });
}

/**
 * Runs a query (`parseQuery`) against the index, within one top-level category when given. Pagefind matches each
 * pair of characters anywhere in an article; results where the pairs of the query's longest run are not found in
 * a row (县医… and …医院 for 县医院) are left out. The counts per category are Pagefind's, before that.
 */
export async function searchArticles(query: SearchQuery, topCategory: string): Promise<SearchResponse> {
  const pagefind = await loadPagefind();
  const response = await pagefind.search(query.pagefindTerms, topCategory ? { filters: { [SEARCH_FIELDS.topCategory]: topCategory } } : {});
  const results = rawResults(response);
  const best = results.find((result) => result.words.length > 0) ?? results[0];
  // Nothing in this category: the counts of the other categories are trusted only once checked without it.
  if (!best) return { hits: [], categoryCounts: topCategory ? (await searchArticles(query, "")).categoryCounts : {} };
  if (!(await hasEveryTerm(best, query.pagefindTerms.split(" ")))) return { hits: [], categoryCounts: {} };
  return { hits: hitsOf(results, query.longestRun), categoryCounts: categoryCountsOf(response) };
}
