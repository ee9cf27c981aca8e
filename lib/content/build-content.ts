/**
 * The content step of a build, in the order it runs:
 *
 * 1. `source/`: list the post files under the content folder and read their bytes;
 * 2. `cache/`: reuse the result of every file whose bytes (and the settings) did not change;
 * 3. `post/` in `workers/`: process the other files — decode, front matter, sanitize (`sanitize/`) — on every core;
 *    each article's body goes to the store as soon as it is ready, and only a small `IndexEntry` stays in memory;
 * 4. check what only the whole set shows (two files with one URL) and decide what is published;
 * 5. `index/`: build the site index — ids in date order, every list, the category tree, the entity table;
 * 6. `lib/store`: write the index beside the bodies; `search/`: build the search index from the finished store;
 *    swap the new store in.
 *
 * `npm run check` stops after step 4 and writes nothing. The CLI (`scripts/build-content.ts`) only reads settings
 * and prints.
 */
import { cacheKey, PostResultCache } from "./cache/post-result-cache";
import { SiteStoreBuilder } from "./index/site-store-builder";
import { buildSearchIndex, type SearchIndexOptions, type SearchIndexResult } from "./search/build-search-index";
import type { ParsedArticle, ProcessOptions, ProcessResult } from "./post/post-types";
import { invalidFiles, type ContentProblem, type ContentWarning } from "./problems";
import { listSourceFiles, readSourceBytes, type SourceFile } from "./source/read-source-files";
import { processFilesInParallel } from "./workers/process-files-in-parallel";

export interface LoadOptions extends ProcessOptions {
  contentDir: string;
  /** Processed results are reused from here; null disables the cache (unit tests). */
  cacheDir: string | null;
}

export interface LoadedContent<T> {
  /** What `keep` made of each valid, published article, in file order. */
  articles: T[];
  /** Valid files left out on purpose (`published: false`, `draft: true`). */
  drafts: string[];
  problems: ContentProblem[];
  warnings: ContentWarning[];
  fileCount: number;
  cacheHits: number;
}

/** What a file turned into, kept by file position until every file is done, so reports come in file order. */
type Outcome<T> =
  | { kind: "problems"; problems: ContentProblem[] }
  | { kind: "draft"; file: string; warnings: string[] }
  | { kind: "article"; kept: T; slug: string; file: string; warnings: string[] };

/**
 * Steps 1–4: reads, validates and sanitizes every post under the content folder, reusing cached results for
 * files that did not change, and reports every problem of every file (including two files that would share a
 * URL). Each valid, published article is handed to `keep` as soon as it is ready; what `keep` returns is what
 * the build holds on to (the build keeps an `IndexEntry`, not the article and its HTML).
 */
export async function loadContent<T>(options: LoadOptions, keep: (article: ParsedArticle) => T | Promise<T>): Promise<LoadedContent<T>> {
  const listing = await listSourceFiles(options.contentDir);
  const cache = options.cacheDir ? await PostResultCache.open(options.cacheDir) : null;
  const processOptions: ProcessOptions = { timeZone: options.timeZone, siteOrigin: options.siteOrigin };
  const outcomes = new Array<Outcome<T> | undefined>(listing.files.length);
  const accept = async (position: number, result: ProcessResult): Promise<void> => {
    if (!result.ok) {
      outcomes[position] = { kind: "problems", problems: result.problems };
      return;
    }
    const { meta, warnings } = result.article;
    outcomes[position] = meta.draft
      ? { kind: "draft", file: meta.sourcePath, warnings }
      : { kind: "article", kept: await keep(result.article), slug: meta.slug, file: meta.sourcePath, warnings };
  };

  // With an empty cache (a cold build) every file goes straight to the workers, which read it themselves. With a
  // cache, each file is read here to look up its result; only the others are noted (not held: a big archive's
  // bytes never all in memory) and read again by a worker.
  const pending: { file: SourceFile; position: number }[] = [];
  let cacheHits = 0;
  if (cache && cache.size > 0) {
    await mapWithConcurrency(listing.files, 32, async (file, position) => {
      const bytes = await readSourceBytes(file);
      const cached = Buffer.isBuffer(bytes) ? await cache.get(cacheKey(file.relativePath, bytes, processOptions)) : null;
      if (!cached) {
        pending.push({ file, position });
        return;
      }
      cacheHits += 1;
      await accept(position, cached);
    });
    pending.sort((a, b) => a.position - b.position);
  } else {
    pending.push(...listing.files.map((file, position) => ({ file, position })));
  }

  await processFilesInParallel(
    pending.map(({ file }) => file),
    processOptions,
    async (index, { result, key }) => {
      const position = pending[index]?.position;
      if (position === undefined) return;
      if (key && cache) await cache.set(key, result);
      await accept(position, result);
    },
  );
  await cache?.save();

  const loaded: LoadedContent<T> = { articles: [], drafts: [], problems: [...listing.problems], warnings: [], fileCount: listing.files.length, cacheHits };
  const published: { slug: string; file: string }[] = [];
  for (const outcome of outcomes) {
    if (!outcome) continue;
    if (outcome.kind === "problems") {
      loaded.problems.push(...outcome.problems);
      continue;
    }
    for (const message of outcome.warnings) loaded.warnings.push({ file: outcome.file, message });
    if (outcome.kind === "draft") loaded.drafts.push(outcome.file);
    else {
      loaded.articles.push(outcome.kept);
      published.push(outcome);
    }
  }
  loaded.problems.push(...findDuplicateUrls(published));
  return loaded;
}

function findDuplicateUrls(articles: { slug: string; file: string }[]): ContentProblem[] {
  const bySlug = new Map<string, string[]>();
  for (const article of articles) {
    const files = bySlug.get(article.slug) ?? [];
    files.push(article.file);
    bySlug.set(article.slug, files);
  }
  const problems: ContentProblem[] = [];
  for (const [slug, files] of bySlug) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file).join(", ");
      problems.push({
        file,
        kind: "duplicate-url",
        message: `same URL /articles/${slug} as ${others}; set a different \`slug:\` in one of them`,
      });
    }
  }
  return problems;
}

async function mapWithConcurrency<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) await task(item, index);
    }
  });
  await Promise.all(runners);
}

export interface ContentBuildOptions extends LoadOptions {
  /** Where the store is written. */
  storeDir: string;
  /** `check`: validate only (`npm run check`); `build`: write the store too. */
  mode: "check" | "build";
  /** Publish the valid files when some are invalid, instead of stopping. */
  skipInvalid: boolean;
  /** Build the search index too (`search/`): every build does; unit tests of the store need not. */
  searchIndex?: SearchIndexOptions;
}

/** How the step ended. Only `built` wrote a store; `checked` is the success of `mode: "check"`. */
export type ContentBuildResult =
  | { outcome: "folder-problem"; problems: ContentProblem[] }
  | { outcome: "invalid-files"; problems: ContentProblem[]; invalidCount: number; fileCount: number }
  | { outcome: "checked"; fileCount: number; publishable: number }
  | { outcome: "nothing-to-publish" }
  | { outcome: "built"; articles: number; fileCount: number; cacheHits: number; search: SearchIndexResult | null };

/** What the owner should hear while the step runs, before its result: warnings, drafts, and files skipped. */
export interface ContentBuildProgress {
  loaded(content: { warnings: ContentWarning[]; drafts: string[] }): void;
  skipping(skipped: { problems: ContentProblem[]; invalidCount: number; fileCount: number }): void;
}

/** The whole content step (steps 1–6 above). Content problems are results, never exceptions. */
export async function buildContent(options: ContentBuildOptions, progress: ContentBuildProgress): Promise<ContentBuildResult> {
  if (options.mode === "check") {
    const loaded = await loadContent(options, (article) => article.meta.sourcePath);
    const verdict = judge(loaded, (file) => file, options.mode, options.skipInvalid, progress);
    return "outcome" in verdict ? verdict : { outcome: "checked", fileCount: loaded.fileCount, publishable: verdict.publishable.length };
  }
  const builder = await SiteStoreBuilder.create(options.storeDir);
  try {
    const loaded = await loadContent(options, (article) => builder.add(article));
    const verdict = judge(loaded, (entry) => entry.meta.sourcePath, options.mode, options.skipInvalid, progress);
    if ("outcome" in verdict) return verdict;
    if (verdict.publishable.length === 0) return { outcome: "nothing-to-publish" };
    let search: SearchIndexResult | null = null;
    const searchIndex = options.searchIndex;
    await builder.finish(
      verdict.publishable,
      new Date(),
      searchIndex
        ? async (stagedDir) => {
            search = await buildSearchIndex(stagedDir, searchIndex);
          }
        : undefined,
    );
    return { outcome: "built", articles: verdict.publishable.length, fileCount: loaded.fileCount, cacheHits: loaded.cacheHits, search };
  } finally {
    await builder.discard();
  }
}

/** Step 4: tells the owner what was found, and either what to publish or why the step stops here. */
function judge<T>(
  loaded: LoadedContent<T>,
  fileOf: (kept: T) => string,
  mode: ContentBuildOptions["mode"],
  skipInvalid: boolean,
  progress: ContentBuildProgress,
): { publishable: T[] } | ContentBuildResult {
  progress.loaded(loaded);
  const folderProblems = loaded.problems.filter((problem) => problem.kind === "content-dir");
  if (folderProblems.length > 0) return { outcome: "folder-problem", problems: folderProblems };
  const invalid = invalidFiles(loaded.problems);
  if (invalid.size > 0) {
    const counts = { problems: loaded.problems, invalidCount: invalid.size, fileCount: loaded.fileCount };
    if (mode === "check" || !skipInvalid) return { outcome: "invalid-files", ...counts };
    progress.skipping(counts);
  }
  return { publishable: loaded.articles.filter((kept) => !invalid.has(fileOf(kept))) };
}
