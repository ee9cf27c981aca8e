import type { Metadata } from "next";
import { siteConfig } from "@/site.config";
import { FEED_PATH } from "./feed";

/** `<link rel="alternate" type="application/atom+xml">` on every page, so browsers and feed readers find the feed. */
export const feedAlternate = { "application/atom+xml": [{ url: FEED_PATH, title: siteConfig.title }] };

/** One metadata helper for every page: title, description, canonical URL and Open Graph. */
export function pageMetadata(input: { title?: string; description?: string; path: string; image?: string | null; type?: "website" | "article"; publishedTime?: string }): Metadata {
  const description = input.description ?? siteConfig.description;
  return {
    ...(input.title ? { title: input.title } : {}),
    description,
    alternates: { canonical: input.path, types: feedAlternate },
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
