/**
 * The content step of a build, in the order it runs:
 *
 * 1. `source/`: list the post files under the content folder and read their bytes;
 * 2. `cache/`: reuse the result of every file whose bytes (and the settings) did not change;
 * 3. `post/` in `workers/`: process the other files — decode, front matter, sanitize (`sanitize/`) — on every core;
 * 4. check what only the whole set shows (two files with one URL) and decide what is published;
 * 5. `index/`: build the site index and every article's document;
 * 6. `lib/store`: write the store that pages read.
 *
 * `npm run check` stops after step 4. The CLI (`scripts/build-content.ts`) only reads settings and prints.
 */
import { writeStore } from "../store/write-store";
import { cacheKey, PostResultCache } from "./cache/post-result-cache";
import { buildSiteIndex } from "./index/build-site-index";
import type { ParsedArticle, ProcessOptions, ProcessResult } from "./post/post-types";
import { invalidFiles, type ContentProblem, type ContentWarning } from "./problems";
import { listSourceFiles, readSourceBytes } from "./source/read-source-files";
import { processFilesInParallel, type PendingFile } from "./workers/process-files-in-parallel";

export interface LoadOptions extends ProcessOptions {
  contentDir: string;
  /** Sanitized results are reused from here; null disables the cache (unit tests). */
  cacheDir: string | null;
}

export interface LoadedContent {
  /** Valid, published articles. */
  articles: ParsedArticle[];
  /** Valid files left out on purpose (`published: false`, `draft: true`). */
  drafts: string[];
  problems: ContentProblem[];
  warnings: ContentWarning[];
  fileCount: number;
  cacheHits: number;
}

/**
 * Steps 1–4: reads, validates and sanitizes every post under the content folder,
 * reusing cached results for files that did not change, and reports every
 * problem of every file (including two files that would share a URL).
 */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const listing = await listSourceFiles(options.contentDir);
  const problems: ContentProblem[] = [...listing.problems];
  const cache = options.cacheDir ? await PostResultCache.open(options.cacheDir) : null;
  const processOptions: ProcessOptions = { timeZone: options.timeZone, siteOrigin: options.siteOrigin };

  const results: (ProcessResult | null)[] = new Array<ProcessResult | null>(listing.files.length).fill(null);
  const pending: (PendingFile & { position: number; key: string })[] = [];
  let cacheHits = 0;

  await mapWithConcurrency(listing.files, 32, async (file, position) => {
    const bytes = await readSourceBytes(file);
    if (!Buffer.isBuffer(bytes)) {
      results[position] = { ok: false, problems: [bytes] };
      return;
    }
    const key = cacheKey(file.relativePath, bytes, processOptions);
    const cached = cache ? await cache.get(key) : null;
    if (cached) {
      cacheHits += 1;
      results[position] = cached;
    } else {
      pending.push({ relativePath: file.relativePath, bytes, position, key });
    }
  });

  pending.sort((a, b) => a.position - b.position);
  const fresh = await processFilesInParallel(pending, processOptions);
  pending.forEach((file, index) => {
    const result = fresh[index];
    if (!result) return;
    results[file.position] = result;
    cache?.set(file.key, result);
  });
  await cache?.save();

  const articles: ParsedArticle[] = [];
  const drafts: string[] = [];
  const warnings: ContentWarning[] = [];
  for (const result of results) {
    if (!result) continue;
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    for (const message of result.article.warnings) warnings.push({ file: result.article.meta.sourcePath, message });
    if (result.article.meta.draft) drafts.push(result.article.meta.sourcePath);
    else articles.push(result.article);
  }
  problems.push(...findDuplicateUrls(articles));

  return { articles, drafts, problems, warnings, fileCount: listing.files.length, cacheHits };
}

function findDuplicateUrls(articles: ParsedArticle[]): ContentProblem[] {
  const bySlug = new Map<string, string[]>();
  for (const article of articles) {
    const files = bySlug.get(article.meta.slug) ?? [];
    files.push(article.meta.sourcePath);
    bySlug.set(article.meta.slug, files);
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
}

/** How the step ended. Only `built` wrote a store; `checked` is the success of `mode: "check"`. */
export type ContentBuildResult =
  | { outcome: "folder-problem"; problems: ContentProblem[] }
  | { outcome: "invalid-files"; problems: ContentProblem[]; invalidCount: number; fileCount: number }
  | { outcome: "checked"; fileCount: number; publishable: number }
  | { outcome: "nothing-to-publish" }
  | { outcome: "built"; articles: number; fileCount: number; cacheHits: number };

/** What the owner should hear while the step runs, before its result: warnings, drafts, and files skipped. */
export interface ContentBuildProgress {
  loaded(content: { warnings: ContentWarning[]; drafts: string[] }): void;
  skipping(skipped: { problems: ContentProblem[]; invalidCount: number; fileCount: number }): void;
}

/** The whole content step (steps 1–6 above). Content problems are results, never exceptions. */
export async function buildContent(options: ContentBuildOptions, progress: ContentBuildProgress): Promise<ContentBuildResult> {
  const loaded = await loadContent(options);
  progress.loaded(loaded);

  const folderProblems = loaded.problems.filter((problem) => problem.kind === "content-dir");
  if (folderProblems.length > 0) return { outcome: "folder-problem", problems: folderProblems };
  const invalid = invalidFiles(loaded.problems);
  if (invalid.size > 0) {
    const counts = { problems: loaded.problems, invalidCount: invalid.size, fileCount: loaded.fileCount };
    if (options.mode === "check" || !options.skipInvalid) return { outcome: "invalid-files", ...counts };
    progress.skipping(counts);
  }

  const publishable = loaded.articles.filter((article) => !invalid.has(article.meta.sourcePath));
  if (options.mode === "check") return { outcome: "checked", fileCount: loaded.fileCount, publishable: publishable.length };
  if (publishable.length === 0) return { outcome: "nothing-to-publish" };
  await writeStore(options.storeDir, buildSiteIndex(publishable, new Date()));
  return { outcome: "built", articles: publishable.length, fileCount: loaded.fileCount, cacheHits: loaded.cacheHits };
}
