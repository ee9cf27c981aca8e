import { getSiteIndex } from "@/lib/store/read-store";
import { sitemapIndex, sitemapUrls } from "@/lib/site/sitemap";
import { siteConfig } from "@/site.config";

export const dynamic = "force-static";

/** The sitemap index: one file per 50,000 URLs (see `app/sitemaps/[file]`). */
export function GET(): Response {
  const index = getSiteIndex();
  return new Response(sitemapIndex(siteConfig.baseUrl, sitemapUrls(index), index.builtAt), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
