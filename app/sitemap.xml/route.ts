import { currentStore } from "@/lib/store/read-store";
import { sitemapIndex, sitemapUrlCount } from "@/lib/site/sitemap";
import { siteConfig } from "@/site.config";

export const dynamic = "force-static";

/** The sitemap index: one file per 50,000 URLs (see `app/sitemaps/[file]`). */
export function GET(): Response {
  const store = currentStore();
  return new Response(sitemapIndex(siteConfig.baseUrl, sitemapUrlCount(store), store.manifest.builtAt), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
