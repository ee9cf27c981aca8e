import { currentStore } from "@/lib/store/read-store";
import { resolveListFeed } from "./list-feeds";
import { ENTITIES_PER_PAGE, resolveCategoryList, resolveEntityList, resolveGroupList, resolveHomeList } from "./list-routes";
import { pageCount } from "./pagination";
import { paramCandidates, parsePageParam } from "./urls";

/**
 * Whether a URL of one of the dynamic routes (an article, a list page) names something the store holds: a
 * redirect to the canonical URL counts, since it leads to a page. Cheap — look-ups in the store's indexes, no
 * summary read — because `proxy.ts` asks it before every such request.
 */
export function namesStoredContent(pathname: string): boolean {
  const [, route, ...params] = pathname.split("/");
  switch (route) {
    case "articles":
      return params.length === 1 && paramCandidates(params[0] ?? "").some((slug) => currentStore().articleId(slug) !== null);
    case "categories":
      return params.length > 0 && resolveCategoryList(params) !== null;
    case "authors":
    case "tags": {
      const [name, pageWord, page, ...rest] = params;
      if (name === undefined || rest.length > 0 || (pageWord !== undefined && pageWord !== "page")) return false;
      return resolveGroupList(route, name, pageWord === undefined ? undefined : (page ?? "")) !== null;
    }
    case "entities": {
      const [keyOrPage, pageWord, page, ...rest] = params;
      if (keyOrPage === undefined || rest.length > 0) return false;
      // `/entities/page/N`: the index's pages.
      if (keyOrPage === "page") {
        const number = pageWord === undefined ? null : parsePageParam(pageWord);
        return page === undefined && number !== null && number <= pageCount(currentStore().manifest.entityCount, ENTITIES_PER_PAGE);
      }
      if (pageWord !== undefined && pageWord !== "page") return false;
      return resolveEntityList(keyOrPage, pageWord === undefined ? undefined : (page ?? "")) !== null;
    }
    case "feeds":
      return resolveListFeed(params) !== null;
    case "page":
      return params.length === 1 && resolveHomeList(params[0]) !== null;
    default:
      return true;
  }
}
