import type { CategoryNode } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { parsePageParam } from "./urls";

export interface ResolvedCategory {
  category: CategoryNode;
  page: number;
  /** False when the URL named the category by its raw names; the page then redirects to the canonical URL. */
  canonical: boolean;
}

function decodeAll(segments: string[]): string[] | null {
  try {
    return segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * `/categories/a/b` is category a › b; `/categories/a/b/page/3` is its third
 * page. A category really named `page` wins over pagination. Segments may
 * arrive encoded or decoded, and may be the raw names instead of URL segments.
 */
export function resolveCategoryPath(rawSegments: string[]): ResolvedCategory | null {
  const variants = [rawSegments, decodeAll(rawSegments)].filter((variant): variant is string[] => variant !== null);
  for (const segments of variants) {
    const direct = currentStore().category(segments);
    if (direct) return { category: direct, page: 1, canonical: sameSegments(direct, segments) };
    const pageParam = segments.at(-1);
    if (segments.length >= 3 && segments.at(-2) === "page" && pageParam !== undefined) {
      const page = parsePageParam(pageParam);
      const parent = page === null ? null : currentStore().category(segments.slice(0, -2));
      if (parent && page !== null) return { category: parent, page, canonical: sameSegments(parent, segments.slice(0, -2)) };
    }
  }
  return null;
}

function sameSegments(category: CategoryNode, segments: string[]): boolean {
  return category.segments.length === segments.length && category.segments.every((segment, index) => segment === segments[index]);
}
