/**
 * What the store holds, and so what pages read. Built by `lib/content/index/build-site-index.ts`, written by
 * `write-store.ts`, read a record at a time by `read-store.ts`. Nothing here refers to source files: those shapes
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

/** Where a list's article ids sit in `lists.bin`: `count` ids from id slot `start`, newest first. */
export interface ListRef {
  start: number;
  count: number;
}

/** Stored in `summaries.jsonl`: what a list shows of an article, and what its page needs besides the body. */
export interface ArticleSummary {
  /** The article's position in date order, newest first (0 is the newest). */
  id: number;
  slug: string;
  title: string;
  /** Where the title may wrap between two words (`lib/content/title-breaks.ts`). */
  titleBreaks: number[];
  excerpt: string;
  date: string;
  /** When the post says it was last changed (`updated`), if it says so. */
  updated: string | null;
  author: NamedLink | null;
  categories: CategoryPath[];
  tags: NamedLink[];
  image: string | null;
  readingMinutes: number;
  /** The entities its body links to, as numbers in the store's entity table, in first-mention order. */
  entities: number[];
}

/** Stored in `documents.jsonl`: the part of an article only its own page shows. */
export interface ArticleBody {
  description: string | null;
  html: string;
  headings: TocHeading[];
}

/** Stored in the manifest: one level of a category path, with its sub-categories. */
export interface CategoryNode {
  name: string;
  segments: string[];
  names: string[];
  /** Articles in this category or anywhere below it. */
  count: number;
  list: ListRef;
  children: CategoryNode[];
}

/** Stored in `authors.json` / `tags.json`. */
export interface NamedGroup extends NamedLink {
  count: number;
  list: ListRef;
}

export interface ArticleLink {
  slug: string;
  title: string;
  titleBreaks: number[];
}

/** Stored in `entities.jsonl`: an entity the bodies link to, across the whole archive. */
export interface EntityRecord {
  key: string;
  name: string;
  /** `data-refer-type`: 2 is a 36kr project page, 1 a 36dianping company page. */
  referType: string;
  /** Logo URL, or null when there is none or it is a placeholder shared by many entities. */
  logo: string | null;
  href: string;
  /** Articles mentioning it. */
  count: number;
  list: ListRef;
  /** The newest articles mentioning it (one more than a card shows, so a card can leave out its own article). */
  recent: ArticleLink[];
  /** The dates of the oldest and the newest article mentioning it. */
  firstMention: string;
  lastMention: string;
  /** The entities most often named in the same articles, most shared first (`count`: in how many). */
  together: EntityLink[];
}

export interface EntityLink {
  key: string;
  name: string;
  count: number;
}

/** What a card shows of an entity on one article's page. */
export interface EntityCard {
  key: string;
  name: string;
  referType: string;
  logo: string | null;
  href: string;
  mentionCount: number;
  /** Up to three other articles that mention it, newest first. */
  mentions: ArticleLink[];
}

/** Everything an article's page shows, put together by the reader from its summary, body and neighbours. */
export interface ArticleDocument {
  summary: ArticleSummary;
  description: string | null;
  html: string;
  headings: TocHeading[];
  entities: EntityCard[];
  /** Published just before this one. */
  previous: ArticleLink | null;
  /** Published just after this one. */
  next: ArticleLink | null;
  /** Related articles, best first, chosen at build time (`lib/content/index/related-articles.ts`). */
  related: ArticleSummary[];
}

/** How many other articles an entity card lists. */
export const MENTIONS_PER_CARD = 3;
/** How many entities an entity's page lists as named with it. */
export const ENTITIES_TOGETHER = 8;
/** How many related articles an article's page shows, at most. */
export const RELATED_PER_ARTICLE = 5;
