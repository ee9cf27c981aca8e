/**
 * The build's shapes of one post, from what its file says to what the pipeline made of it. Raw types describe
 * what a file may say; checked types are what the rest of the build uses; `normalize-front-matter.ts` is the
 * only conversion between them. What the store keeps of a post (`ArticleSummary`, `ArticleDocument`) is in
 * `lib/store/model.ts`; `build-site-index.ts` derives it from `ParsedArticle`.
 */
import type { ContentProblem } from "../problems";
import type { SanitizedBody } from "../sanitize/sanitized-body";

/** Raw: Hexo front matter as YAML may deliver it; nothing is trusted yet. */
export interface HexoFrontMatter {
  title?: unknown;
  date?: unknown;
  updated?: unknown;
  categories?: unknown;
  category?: unknown;
  tags?: unknown;
  author?: unknown;
  headimg?: unknown;
  thumbnail?: unknown;
  cover?: unknown;
  description?: unknown;
  excerpt?: unknown;
  slug?: unknown;
  abbrlink?: unknown;
  permalink?: unknown;
  published?: unknown;
  draft?: unknown;
}

/** Checked: the post's front matter as the site uses it. Dates are ISO strings so it can be cached as JSON. */
export interface ArticleMeta {
  slug: string;
  sourcePath: string;
  title: string;
  date: string;
  updated: string | null;
  author: string | null;
  categories: string[][];
  tags: string[];
  image: string | null;
  description: string | null;
  draft: boolean;
}

/** Checked: one post after the pipeline — its metadata, its sanitized body and what the owner should hear. */
export interface ParsedArticle {
  meta: ArticleMeta;
  body: SanitizedBody;
  warnings: string[];
}

/** The settings that change what processing a file produces (and so are part of its cache key). */
export interface ProcessOptions {
  timeZone: string;
  siteOrigin: string;
}

/** What processing one file yields: the article, or every problem found. Cached per file, sent back by workers. */
export type ProcessResult = { ok: true; article: ParsedArticle } | { ok: false; problems: ContentProblem[] };
