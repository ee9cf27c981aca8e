import { siteConfig } from "@/site.config";

/** Splits a list into pages of the configured size; page numbers start at 1. */
export function paginate<T>(items: T[], page: number, pageSize = siteConfig.pageSize): { items: T[]; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return { items: items.slice((page - 1) * pageSize, page * pageSize), totalPages };
}

export function pageCount(total: number, pageSize = siteConfig.pageSize): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Pages 2…N of a list that `next build` renders (page 1 is the list's own route); the rest render on first request. */
export function prebuiltPageNumbers(total: number, pageSize = siteConfig.pageSize): number[] {
  const pages = pageCount(total, pageSize);
  const prebuilt = siteConfig.prebuildListPages === null ? pages : Math.min(pages, siteConfig.prebuildListPages);
  return Array.from({ length: Math.max(0, prebuilt - 1) }, (_, index) => index + 2);
}
