import type { ArticleDocument } from "@/lib/store/model";
import { FEED_PATH, urls } from "./urls";
import { xmlAttribute, xmlElement, xmlText } from "./xml";

/** How many of the newest articles the feed carries, in full. */
export const FEED_ENTRIES = 20;

export interface FeedSite {
  title: string;
  description: string;
  /** Absolute origin, no trailing slash. */
  baseUrl: string;
  language: string;
}

/** Which list a feed follows: the whole site (the default) or one list, with its title and page. */
export interface FeedChannel {
  title: string;
  /** Where the feed itself is served. */
  feedPath: string;
  /** The list's page on the site. */
  pagePath: string;
}

/**
 * An Atom feed (RFC 4287) of the site or of one of its lists: the newest articles with their sanitized
 * bodies, so feed readers show whole articles. Every value from the content is
 * escaped by `xml.ts`; bodies are HTML carried as escaped text (`type="html"`),
 * with `xml:base` so their relative links and images resolve against the article.
 */
export function atomFeed(site: FeedSite, articles: readonly ArticleDocument[], builtAt: string, channel?: FeedChannel): string {
  const absolute = (path: string): string => `${site.baseUrl}${path}`;
  const home = absolute(channel?.pagePath ?? "/");
  const updated = articles.map((article) => article.summary.updated ?? article.summary.date).sort().at(-1) ?? builtAt;
  const entries = articles.map((article) => {
    const { summary } = article;
    const link = absolute(urls.article(summary.slug));
    const author = summary.author
      ? `<author>${xmlElement("name", summary.author.name)}${xmlElement("uri", absolute(urls.author(summary.author.segment)))}</author>`
      : "";
    const categories = summary.categories
      .map((category) => `<category term="${xmlAttribute(category.names.join("/"))}" scheme="${xmlAttribute(absolute(urls.category(category.segments)))}"/>`)
      .join("");
    const tags = summary.tags.map((tag) => `<category term="${xmlAttribute(tag.name)}" scheme="${xmlAttribute(absolute(urls.tag(tag.segment)))}"/>`).join("");
    return [
      "<entry>",
      xmlElement("title", summary.title),
      `<link rel="alternate" type="text/html" href="${xmlAttribute(link)}"/>`,
      xmlElement("id", link),
      xmlElement("published", summary.date),
      xmlElement("updated", summary.updated ?? summary.date),
      author,
      categories + tags,
      summary.excerpt ? xmlElement("summary", summary.excerpt) : "",
      `<content type="html" xml:base="${xmlAttribute(link)}">${xmlText(article.html)}</content>`,
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(site.language)}">`,
    xmlElement("title", channel?.title ?? site.title),
    xmlElement("subtitle", site.description),
    `<link rel="self" type="application/atom+xml" href="${xmlAttribute(absolute(channel?.feedPath ?? FEED_PATH))}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlAttribute(home)}"/>`,
    xmlElement("id", home),
    xmlElement("updated", updated),
    // Atom wants an author for every entry: the site stands in for posts without one.
    `<author>${xmlElement("name", site.title)}</author>`,
    xmlElement("generator", "yuedu"),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
