/** Every URL the site links to is built here, so routes and links cannot drift apart. */
export const urls = {
  home: (page = 1) => (page <= 1 ? "/" : `/page/${page}`),
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  /** An article's body and entity cards, as JSON, for its islands after a client navigation. */
  articleParts: (slug: string) => `/api/article-parts?slug=${encodeURIComponent(slug)}`,
  categories: () => "/categories",
  category: (segments: string[], page = 1) =>
    `/categories/${segments.map(encodeURIComponent).join("/")}${page > 1 ? `/page/${page}` : ""}`,
  authors: () => "/authors",
  author: (segment: string, page = 1) => `/authors/${encodeURIComponent(segment)}${page > 1 ? `/page/${page}` : ""}`,
  tags: () => "/tags",
  tag: (segment: string, page = 1) => `/tags/${encodeURIComponent(segment)}${page > 1 ? `/page/${page}` : ""}`,
  entities: (page = 1) => `/entities${page > 1 ? `/page/${page}` : ""}`,
  entity: (key: string, page = 1) => `/entities/${encodeURIComponent(key)}${page > 1 ? `/page/${page}` : ""}`,
  /** The Atom feed of one list (`lib/site/list-feeds.ts`); the whole site's is `FEED_PATH`. */
  categoryFeed: (segments: string[]) => `${LIST_FEEDS}/categories/${segments.map(encodeURIComponent).join("/")}.xml`,
  authorFeed: (segment: string) => `${LIST_FEEDS}/authors/${encodeURIComponent(segment)}.xml`,
  tagFeed: (segment: string) => `${LIST_FEEDS}/tags/${encodeURIComponent(segment)}.xml`,
  entityFeed: (key: string) => `${LIST_FEEDS}/entities/${encodeURIComponent(key)}.xml`,
  /** The search page; the query is in its URL (`?q=…&category=…`) and read in the browser. */
  search: () => "/search",
};

/** The slug of the article at `pathname` (as `urls.article` builds it), or null for any other path. */
export function articleSlugOf(pathname: string): string | null {
  const match = /^\/articles\/([^/]+)$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Where the lists' feeds live: `/feeds/<kind>/<name>.xml`. */
export const LIST_FEEDS = "/feeds";

/** The whole site's Atom feed (lib/site/feed.ts). */
export const FEED_PATH = "/feed.xml";

/** The sitemap index, which robots.txt names, and the folder of the sitemap files it lists (lib/site/sitemap.ts). */
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const SITEMAP_FILES = "/sitemaps";

/**
 * Route params can arrive percent-encoded or decoded depending on how the page
 * was reached (prerendered, on-demand, `next dev`). Try the value as given,
 * then decoded, and let the caller's look-up decide which one exists.
 */
export function paramCandidates(value: string): string[] {
  const candidates = [value];
  try {
    const decoded = decodeURIComponent(value);
    if (decoded !== value) candidates.push(decoded);
  } catch {
    // a literal `%` that is not an escape: the raw value is the only candidate
  }
  return candidates;
}

/** Parses a `page/N` route param: a whole number ≥ 2 in canonical form, else null (page 1 lives at the base URL). */
export function parsePageParam(value: string): number | null {
  return /^[1-9]\d{0,6}$/.test(value) && Number(value) >= 2 ? Number(value) : null;
}
