import type { ListRef } from "@/lib/store/model";
import type { ContentStore } from "@/lib/store/read-store";
import { SITEMAP_FILES, urls } from "./urls";
import { xmlElement } from "./xml";

/** The sitemaps protocol allows 50,000 URLs per file; a larger site gets several, listed in /sitemap.xml. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapUrl {
  path: string;
  lastModified: string | null;
}

/** One run of sitemap URLs: how many there are, and those from `from` up to `to`. */
interface Section {
  count: number;
  slice: (from: number, to: number) => SitemapUrl[];
}

/**
 * Every page a search engine should know, each once, in this order: the index pages, every article (last
 * changed when it was updated or published), and the first page of every category at every level, author and
 * tag. Deeper list pages are left out; they only repeat what the articles' own entries say. Read from the store
 * a slice at a time: a sitemap file of a big archive reads its 50,000 summaries, never the whole archive.
 */
function sections(store: ContentStore): Section[] {
  const newestDate = (list: ListRef): string | null => {
    const [id] = store.listIds(list, 0, 1);
    return id === undefined ? null : (store.summary(id)?.date ?? null);
  };
  const listPages = [
    urls.home(),
    urls.categories(),
    urls.authors(),
    ...(store.manifest.tagCount > 0 ? [urls.tags()] : []),
    ...(store.manifest.entityCount > 0 ? [urls.entities()] : []),
  ];
  const newest = newestDate(store.manifest.home) ?? store.manifest.builtAt;
  const groups = (all: () => { segment: string; list: ListRef }[], href: (segment: string) => string, count: number): Section => ({
    count,
    slice: (from, to) => all().slice(from, to).map((group) => ({ path: href(group.segment), lastModified: newestDate(group.list) })),
  });
  return [
    { count: listPages.length, slice: (from, to) => listPages.slice(from, to).map((path) => ({ path, lastModified: newest })) },
    {
      count: store.articleCount,
      slice: (from, to) => Array.from(store.summariesBetween(from, to), (article) => ({ path: urls.article(article.slug), lastModified: article.updated ?? article.date })),
    },
    {
      count: store.allCategories().length,
      slice: (from, to) => store.allCategories().slice(from, to).map((category) => ({ path: urls.category(category.segments), lastModified: newestDate(category.list) })),
    },
    groups(() => store.authors(), urls.author, store.manifest.authorCount),
    groups(() => store.tags(), urls.tag, store.manifest.tagCount),
    {
      count: store.manifest.entityCount,
      // Entities are read a record at a time (an archive can name hundreds of thousands).
      slice: (from, to) => store.entitiesBetween(from, to).map((entity) => ({ path: urls.entity(entity.key), lastModified: entity.lastMention })),
    },
  ];
}

/** How many URLs the sitemaps hold. */
export function sitemapUrlCount(store: ContentStore): number {
  return sections(store).reduce((sum, section) => sum + section.count, 0);
}

/** The sitemap URLs from position `from` up to `to`. */
export function sitemapUrls(store: ContentStore, from = 0, to = Number.POSITIVE_INFINITY): SitemapUrl[] {
  const found: SitemapUrl[] = [];
  let offset = 0;
  for (const section of sections(store)) {
    const start = Math.max(from - offset, 0);
    const end = Math.min(to - offset, section.count);
    if (start < end) found.push(...section.slice(start, end));
    offset += section.count;
    if (offset >= to) break;
  }
  return found;
}

/** How many sitemap files `count` URLs need (at least one, so /sitemap.xml always lists a file). */
export function sitemapFileCount(count: number, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit));
}

/** Path of sitemap file `number` (from 1). */
export function sitemapFilePath(number: number): string {
  return `${SITEMAP_FILES}/${number}.xml`;
}

/** The `<urlset>` of sitemap file `number` (from 1), or null past the last one. */
export function sitemapFile(baseUrl: string, store: ContentStore, number: number, limit = SITEMAP_URL_LIMIT): string | null {
  if (!Number.isInteger(number) || number < 1 || number > sitemapFileCount(sitemapUrlCount(store), limit)) return null;
  return urlset(baseUrl, sitemapUrls(store, (number - 1) * limit, number * limit));
}

/** A `<urlset>` of `entries`. */
export function urlset(baseUrl: string, entries: readonly SitemapUrl[]): string {
  const lines = entries.map((url) => `<url>${xmlElement("loc", `${baseUrl}${url.path}`)}${url.lastModified ? xmlElement("lastmod", url.lastModified) : ""}</url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...lines, "</urlset>", ""].join("\n");
}

/** /sitemap.xml: the index of the sitemap files. */
export function sitemapIndex(baseUrl: string, urlCount: number, builtAt: string, limit = SITEMAP_URL_LIMIT): string {
  const files = Array.from({ length: sitemapFileCount(urlCount, limit) }, (_, at) =>
    `<sitemap>${xmlElement("loc", `${baseUrl}${sitemapFilePath(at + 1)}`)}${xmlElement("lastmod", builtAt)}</sitemap>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...files, "</sitemapindex>", ""].join("\n");
}
