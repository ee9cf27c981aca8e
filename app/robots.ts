import type { MetadataRoute } from "next";
import { SITEMAP_INDEX_PATH } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: `${siteConfig.baseUrl}${SITEMAP_INDEX_PATH}`,
  };
}
