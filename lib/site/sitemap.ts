import type { SiteIndex } from "@/lib/store/model";
import { urls } from "./urls";
import { xmlElement } from "./xml";

/** The sitemaps protocol allows 50,000 URLs per file; a larger site gets several, listed in /sitemap.xml. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapUrl {
  path: string;
  lastModified: string | null;
}

/**
 * Every page a search engine should know, each once: the index pages, every
 * article (last changed when it was updated or published), and the first page
 * of every category at every level, author and tag. Deeper list pages are left
 * out; they only repeat what the articles' own entries say.
 */
export function sitemapUrls(index: SiteIndex): SitemapUrl[] {
  // Lists are newest first: a list changed when its first article was published.
  const newestOf = (ids: number[]): string | null => index.articles[ids[0] ?? -1]?.date ?? null;
  const newest = index.articles[0]?.date ?? index.builtAt;
  const list = (path: string): SitemapUrl => ({ path, lastModified: newest });
  const categories: SitemapUrl[] = [];
  const visit = (nodes: SiteIndex["categories"]): void => {
    for (const node of nodes) {
      categories.push({ path: urls.category(node.segments), lastModified: newestOf(node.articleIds) });
      visit(node.children);
    }
  };
  visit(index.categories);
  return [
    list(urls.home()),
    list(urls.categories()),
    list(urls.authors()),
    ...(index.tags.length > 0 ? [list(urls.tags())] : []),
    ...index.articles.map((article) => ({ path: urls.article(article.slug), lastModified: article.updated ?? article.date })),
    ...categories,
    ...index.authors.map((author) => ({ path: urls.author(author.segment), lastModified: newestOf(author.articleIds) })),
    ...index.tags.map((tag) => ({ path: urls.tag(tag.segment), lastModified: newestOf(tag.articleIds) })),
  ];
}

/** How many sitemap files `count` URLs need (at least one, so /sitemap.xml always lists a file). */
export function sitemapFileCount(count: number, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit));
}

/** The sitemap index, which robots.txt names. */
export const SITEMAP_INDEX_PATH = "/sitemap.xml";

/** Path of sitemap file `number` (from 1). */
export function sitemapFilePath(number: number): string {
  return `/sitemaps/${number}.xml`;
}

/** The `<urlset>` of sitemap file `number` (from 1), or null past the last one. */
export function sitemapFile(baseUrl: string, all: readonly SitemapUrl[], number: number, limit = SITEMAP_URL_LIMIT): string | null {
  if (!Number.isInteger(number) || number < 1 || number > sitemapFileCount(all.length, limit)) return null;
  const entries = all.slice((number - 1) * limit, number * limit).map(
    (url) => `<url>${xmlElement("loc", `${baseUrl}${url.path}`)}${url.lastModified ? xmlElement("lastmod", url.lastModified) : ""}</url>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, "</urlset>", ""].join("\n");
}

/** /sitemap.xml: the index of the sitemap files. */
export function sitemapIndex(baseUrl: string, all: readonly SitemapUrl[], builtAt: string, limit = SITEMAP_URL_LIMIT): string {
  const files = Array.from({ length: sitemapFileCount(all.length, limit) }, (_, at) =>
    `<sitemap>${xmlElement("loc", `${baseUrl}${sitemapFilePath(at + 1)}`)}${xmlElement("lastmod", builtAt)}</sitemap>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...files, "</sitemapindex>", ""].join("\n");
}
