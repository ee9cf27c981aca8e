/**
 * Types of the content pipeline. Raw types describe what a file may say;
 * the checked types are what the site uses. `normalize-front-matter.ts` is the
 * only conversion between them.
 */

/** Hexo front matter as YAML may deliver it: nothing is trusted yet. */
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

export type ProblemKind =
  | "read-error"
  | "empty"
  | "binary"
  | "encoding"
  | "no-front-matter"
  | "yaml"
  | "front-matter-shape"
  | "title"
  | "date"
  | "categories"
  | "tags"
  | "author"
  | "slug"
  | "duplicate-url"
  | "too-large"
  | "body"
  | "content-dir";

/** One thing wrong with one file, phrased for the site owner. */
export interface ContentProblem {
  /** Path relative to the content folder (or the folder itself for folder-level problems). */
  file: string;
  kind: ProblemKind;
  message: string;
  line?: number;
}

/** A non-fatal remark: the file builds, but the owner may want to fix it. */
export interface ContentWarning {
  file: string;
  message: string;
}

export interface TocHeading {
  id: string;
  text: string;
  depth: 2 | 3 | 4;
}

/** An inline 36kr entity link as found in a body, after sanitizing. */
export interface EntityRef {
  key: string;
  id: string;
  name: string;
  logo: string | null;
  referType: string;
  href: string;
}

/** What sanitizing one body produces; cached by the file's bytes. */
export interface SanitizedBody {
  html: string;
  headings: TocHeading[];
  entities: EntityRef[];
  /** Plain text start of the body, for excerpts. */
  textStart: string;
  hanCount: number;
  latinWordCount: number;
}

/** The article's metadata, checked. Dates are ISO strings so it can be cached as JSON. */
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

/** One parsed file: checked metadata plus its sanitized body. */
export interface ParsedArticle {
  meta: ArticleMeta;
  body: SanitizedBody;
  warnings: string[];
}
