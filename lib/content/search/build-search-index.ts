import { promises as fs } from "node:fs";
import path from "node:path";
import { indexableText } from "../../search/search-terms";
import { SEARCH_FIELDS, SEARCH_INDEX_FOLDER, SEARCH_LANGUAGE } from "../../search/search-index-format";
import type { ArticleBody, ArticleSummary } from "../../store/model";
import { ContentStore } from "../../store/read-store";
import { urls } from "../../site/urls";
import { plainTextOf } from "../sanitize/plain-text";

/** How many articles are on their way to the Pagefind process at once: enough to keep it busy, few enough to stay small. */
const IN_FLIGHT = 64;
/** What Pagefind writes that the site does not use: its ready-made interfaces (ours is `components/search/`). */
const UNUSED_OUTPUT = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.|^playground$/;

export interface SearchIndexOptions {
  /** Formats an article's date for its result, in the site's language and time zone. */
  formatDate: (iso: string) => string;
  /** Where to write the index instead of the store's `search/` folder (the bench rebuilds it aside). */
  outputDir?: string;
  /** No index for an archive of more articles than this (`YUEDU_SEARCH_LIMIT`); null: any size. */
  maxArticles?: number | null;
}

export interface SearchIndexResult {
  /** Why no index was built (the archive is larger than `maxArticles`), or null when it was. */
  skipped: string | null;
  articles: number;
  files: number;
  bytes: number;
  seconds: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The page Pagefind reads for one article. The title is an `<h1>`, so that Pagefind ranks matches in it above
 * matches in the body; title and body are in the pair form of `search-terms.ts`; what a result shows is
 * meta data in the article's own words; the top-level categories are the filter.
 */
export function searchRecordHtml(summary: ArticleSummary, body: ArticleBody, options: SearchIndexOptions): string {
  const meta = (name: string, value: string): string => `<meta data-pagefind-meta="${name}[content]" content="${escapeHtml(value)}">`;
  const topCategories = [...new Set(summary.categories.map((category) => category.names[0]).filter((name) => name !== undefined))];
  const text = plainTextOf(body.html);
  return [
    `<html lang="${SEARCH_LANGUAGE}"><body><main data-pagefind-body>`,
    meta(SEARCH_FIELDS.title, summary.title),
    meta(SEARCH_FIELDS.category, summary.categories[0]?.names.join(" / ") ?? ""),
    meta(SEARCH_FIELDS.author, summary.author?.name ?? ""),
    meta(SEARCH_FIELDS.date, summary.date),
    meta(SEARCH_FIELDS.dateText, options.formatDate(summary.date)),
    ...topCategories.map((name) => `<meta data-pagefind-filter="${SEARCH_FIELDS.topCategory}[content]" content="${escapeHtml(name)}">`),
    `<h1>${escapeHtml(indexableText(summary.title))}</h1>`,
    `<p>${escapeHtml(indexableText(text))}</p>`,
    "</main></body></html>",
  ].join("");
}

/**
 * Builds the search index of the store in `storeDir` into its `search/` folder: every article, read from the store
 * (not from built pages, so the articles rendered on first request are found too). Pagefind's indexer runs as its
 * own process, fed one article at a time; its bundle (script, WebAssembly, index chunks) is served by
 * `app/pagefind/[...file]/route.ts`.
 */
export async function buildSearchIndex(storeDir: string, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  // Pagefind's Node API is an ES module only; the content step runs as CommonJS.
  const pagefind = await import("pagefind");
  const store = ContentStore.open(storeDir);
  const outputPath = options.outputDir ?? path.join(storeDir, SEARCH_INDEX_FOLDER);
  const limit = options.maxArticles ?? null;
  if (limit !== null && store.articleCount > limit) {
    store.close();
    const skipped =
      limit === 0
        ? "YUEDU_SEARCH_LIMIT is 0"
        : `${store.articleCount} articles are more than YUEDU_SEARCH_LIMIT (${limit}); Pagefind needs about 0.6 GB of memory per 1,000 articles to build the index, so raise the limit on a build machine that has it`;
    return { skipped, articles: 0, files: 0, bytes: 0, seconds: 0 };
  }
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    if (!index) throw new Error(`search index: Pagefind did not start (${errors.join("; ")})`);
    const count = store.articleCount;
    let next = 0;
    const feed = async (): Promise<void> => {
      while (next < count) {
        const id = next;
        next += 1;
        const summary = store.summary(id);
        const body = store.body(id);
        if (!summary || !body) throw new Error(`search index: article ${id} is missing from the store`);
        const added = await index.addHTMLFile({ url: urls.article(summary.slug), content: searchRecordHtml(summary, body, options) });
        if (added.errors.length > 0) throw new Error(`search index: ${summary.slug}: ${added.errors.join("; ")}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, feed));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    await index.deleteIndex();
    for (const entry of await fs.readdir(outputPath)) {
      if (UNUSED_OUTPUT.test(entry)) await fs.rm(path.join(outputPath, entry), { recursive: true, force: true });
    }
    const { files, bytes } = await folderSize(outputPath);
    return { skipped: null, articles: count, files, bytes, seconds: (performance.now() - started) / 1000 };
  } finally {
    store.close();
    await pagefind.close();
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
