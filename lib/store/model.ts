/**
 * What the store holds, and so what pages read: the site index (summaries, the category tree, authors, tags)
 * and one document per article. Built by `lib/content/index/build-site-index.ts`, written by `write-store.ts`,
 * read by `read-store.ts` when a page renders. Nothing here refers to source files: those shapes
 * (`ArticleMeta`, `ParsedArticle`) stay in the build's `lib/content/post/post-types.ts`.
 */

/** One entry of an article's table of contents; its `id` is the heading's id in the stored HTML. */
export interface TocHeading {
  id: string;
  text: string;
  depth: 2 | 3 | 4;
}

export interface NamedLink {
  name: string;
  segment: string;
}

export interface CategoryPath {
  names: string[];
  segments: string[];
}

/** Stored, in the index: what a list shows of an article (and what its page needs besides the body). */
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

/** Stored, one line of `documents.jsonl` per article: everything its page shows. */
export interface ArticleDocument {
  summary: ArticleSummary;
  description: string | null;
  html: string;
  headings: TocHeading[];
  entities: EntityCard[];
  previous: ArticleLink | null;
  next: ArticleLink | null;
}

/** Everything a store holds, as the build hands it to `writeStore`: the index, and the documents in its order. */
export interface StoreContents {
  index: SiteIndex;
  documents: ArticleDocument[];
}
