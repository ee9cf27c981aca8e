import { siteConfig } from "@/site.config";

/** How many pages a list of `total` articles fills (at least one). */
export function pageCount(total: number, pageSize = siteConfig.pageSize): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Pages 2…N of a list that `next build` renders (page 1 is the list's own route); the rest render on first request. */
export function prebuiltPageNumbers(total: number, pageSize = siteConfig.pageSize): number[] {
  const pages = pageCount(total, pageSize);
  const prebuilt = siteConfig.prebuildListPages === null ? pages : Math.min(pages, siteConfig.prebuildListPages);
  return Array.from({ length: Math.max(0, prebuilt - 1) }, (_, index) => index + 2);
}
