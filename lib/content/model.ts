/**
 * The shapes the pages read: the site index (one JSON for the whole site) and
 * one document per article. Produced by `build-site-index.ts` at build time,
 * read by `store.ts` at request and prerender time.
 */
import type { TocHeading } from "./types";

export interface NamedLink {
  name: string;
  segment: string;
}

export interface CategoryPath {
  names: string[];
  segments: string[];
}

export interface ArticleSummary {
  slug: string;
  title: string;
  excerpt: string;
  date: string;
  /** When the post says it was last changed (`updated`), if it says so. */
  updated: string | null;
  author: NamedLink | null;
  categories: CategoryPath[];
  tags: NamedLink[];
  image: string | null;
  readingMinutes: number;
}

export interface CategoryNode {
  name: string;
  segments: string[];
  names: string[];
  /** Articles in this category or anywhere below it, newest first, as positions in `SiteIndex.articles`. */
  articleIds: number[];
  children: CategoryNode[];
}

export interface NamedGroup extends NamedLink {
  articleIds: number[];
}

export interface SiteIndex {
  formatVersion: number;
  builtAt: string;
  articles: ArticleSummary[];
  categories: CategoryNode[];
  authors: NamedGroup[];
  tags: NamedGroup[];
}

export interface ArticleLink {
  slug: string;
  title: string;
}

export interface EntityCard {
  key: string;
  name: string;
  /** `data-refer-type`: 2 is a 36kr project page, 1 a 36dianping company page. */
  referType: string;
  /** Logo URL, or null when there is none or it is a placeholder shared by many entities. */
  logo: string | null;
  href: string;
  mentionCount: number;
  /** Up to three other articles that mention it, newest first. */
  mentions: ArticleLink[];
}

export interface ArticleDocument {
  summary: ArticleSummary;
  description: string | null;
  html: string;
  headings: TocHeading[];
  entities: EntityCard[];
  previous: ArticleLink | null;
  next: ArticleLink | null;
}
