import type { Metadata } from "next";
import { siteConfig } from "@/site.config";
import { FEED_PATH } from "./urls";

/** A feed a page links to: the site's, or its list's. */
export interface FeedLink {
  url: string;
  title: string;
}

const siteFeed: FeedLink = { url: FEED_PATH, title: siteConfig.title };

/** The site's feed alone: the layout's default for pages without metadata of their own (the 404). */
export const siteFeedAlternate = { "application/atom+xml": [siteFeed] };

/**
 * One metadata helper for every page: title, description, canonical URL, Open Graph, and the feeds as
 * `<link rel="alternate" type="application/atom+xml">` (the list's own first, when it has one, then the site's),
 * so browsers and feed readers find them.
 */
export function pageMetadata(input: {
  title?: string;
  description?: string;
  path: string;
  image?: string | null;
  type?: "website" | "article";
  publishedTime?: string;
  feed?: FeedLink | null;
}): Metadata {
  const description = input.description ?? siteConfig.description;
  return {
    ...(input.title ? { title: input.title } : {}),
    description,
    alternates: { canonical: input.path, types: { "application/atom+xml": input.feed ? [input.feed, siteFeed] : [siteFeed] } },
    openGraph: {
      type: input.type ?? "website",
      siteName: siteConfig.title,
      locale: siteConfig.language.replace("-", "_"),
      title: input.title ?? siteConfig.title,
      description,
      url: input.path,
      ...(input.image ? { images: [{ url: input.image }] } : {}),
      ...(input.publishedTime ? { publishedTime: input.publishedTime } : {}),
    },
  };
}
