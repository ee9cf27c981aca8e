import type { ArticleDocument } from "@/lib/store/model";
import { getArticleDocument, getSiteIndex } from "@/lib/store/read-store";
import { atomFeed, FEED_ENTRIES } from "@/lib/site/feed";
import { siteConfig } from "@/site.config";

// Written once by `next build` from the content store, like the pages.
export const dynamic = "force-static";

export function GET(): Response {
  const index = getSiteIndex();
  const documents = index.articles
    .slice(0, FEED_ENTRIES)
    .map((summary) => getArticleDocument(summary.slug))
    .filter((document): document is ArticleDocument => document !== null);
  return new Response(atomFeed(siteConfig, documents, index.builtAt), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
}
