import type { ArticleDocument } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { siteConfig } from "@/site.config";
import { atomFeed, FEED_ENTRIES } from "./feed";
import { resolveCategoryList, resolveEntityList, resolveGroupList, type ListPage, type ListRoute } from "./list-routes";

/**
 * `/feeds/<kind>/<name>.xml`: the Atom feed of a category (at any level), an author, a tag or an entity, found
 * by the same resolvers as the list's pages. `path` is what follows `/feeds/`. Null when it names no list.
 */
export function resolveListFeed(path: readonly string[]): ListPage | null {
  const [kind, ...rest] = path;
  const last = rest.at(-1);
  if (last === undefined || !last.endsWith(".xml")) return null;
  const names = [...rest.slice(0, -1), last.slice(0, -".xml".length)];
  if (names.some((name) => name === "")) return null;
  let route: ListRoute = null;
  if (kind === "categories") route = resolveCategoryList(names);
  else if (names.length === 1 && (kind === "authors" || kind === "tags")) route = resolveGroupList(kind, names[0] ?? "");
  else if (names.length === 1 && kind === "entities") route = resolveEntityList(names[0] ?? "");
  // A category's `…/page/2` resolves to its second page; a feed has no pages.
  return route?.kind === "page" && route.list.page === 1 ? route.list : null;
}

/** The feed's XML: the list's newest `FEED_ENTRIES` articles, whole, like the site's feed. */
export function listFeedXml(list: ListPage): string {
  const store = currentStore();
  const documents = store.summaries(store.listIds(list.ids, 0, FEED_ENTRIES)).flatMap((summary): ArticleDocument[] => {
    const document = store.document(summary.slug);
    return document ? [document] : [];
  });
  return atomFeed(siteConfig, documents, store.manifest.builtAt, { title: list.feed.title, feedPath: list.feed.url, pagePath: list.href(1) });
}
