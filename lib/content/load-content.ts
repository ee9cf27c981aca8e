import { ParseCache, cacheKey } from "./parse-cache";
import type { ProcessOptions, ProcessResult } from "./process-file";
import { processFilesInParallel, type PendingFile } from "./process-files-in-parallel";
import { listSourceFiles, readSourceBytes } from "./read-source-files";
import type { ContentProblem, ContentWarning, ParsedArticle } from "./types";

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
 * Reads, validates and sanitizes every post under the content folder, reusing
 * cached results for files that did not change, and reports every problem of
 * every file (including two files that would share a URL).
 */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const listing = await listSourceFiles(options.contentDir);
  const problems: ContentProblem[] = [...listing.problems];
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir) : null;
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

/** Files that failed validation: a set, so a file with several problems counts once. */
export function invalidFiles(problems: ContentProblem[]): Set<string> {
  return new Set(problems.filter((problem) => problem.kind !== "content-dir").map((problem) => problem.file));
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
