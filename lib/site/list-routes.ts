/**
 * Every list route — home, a category at any level, an author, a tag, an entity, each paginated — resolved the
 * same way:
 * route params in, a `ListRoute` out (the page to render, a redirect to the canonical URL, or nothing), and the
 * route file turns that into a page, metadata or a Next response with `listPageOrRespond`/`listMetadata`.
 * Components only render a resolved `ListPage`.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { ArticleSummary, CategoryNode, EntityRecord, ListRef, NamedGroup } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { siteConfig } from "@/site.config";
import { pageMetadata, type FeedLink } from "./metadata";
import { pageCount, prebuiltPageNumbers } from "./pagination";
import { resolveCategoryPath } from "./resolve-category";
import { ui } from "./ui-text";
import { FEED_PATH, paramCandidates, parsePageParam, urls } from "./urls";

/** Authors and tags work the same way: a list of names, one paginated page per name. */
export type GroupKind = "authors" | "tags";

export const groupKinds = {
  authors: {
    all: () => currentStore().authors(),
    find: (segmentOrName: string) => currentStore().author(segmentOrName),
    href: urls.author,
    feedHref: urls.authorFeed,
    indexHref: urls.authors,
    label: ui.authors,
    heading: ui.articlesBy,
  },
  tags: {
    all: () => currentStore().tags(),
    find: (segmentOrName: string) => currentStore().tag(segmentOrName),
    href: urls.tag,
    feedHref: urls.tagFeed,
    indexHref: urls.tags,
    label: ui.tags,
    heading: ui.articlesTagged,
  },
} as const;

/** Which list a page shows, with what its frame needs (breadcrumb, subcategories, the index it belongs to). */
export type ListSource =
  | { kind: "home" }
  | { kind: "category"; category: CategoryNode }
  | { kind: GroupKind; group: NamedGroup }
  | { kind: "entity"; entity: EntityRecord };

/** One page of a list, ready to render. */
export interface ListPage {
  source: ListSource;
  /** The page's heading. */
  title: string;
  /** How many articles the whole list holds. */
  total: number;
  page: number;
  totalPages: number;
  /** This page's articles, newest first: read from the store when first asked for (a route only checked for existence, or its metadata, never reads them). */
  readonly articles: ArticleSummary[];
  /** Where the list's article ids are in the store. */
  ids: ListRef;
  /** The URL of page `n` of this list. */
  href: (page: number) => string;
  /** The list's own Atom feed (the home list's is the site's). */
  feed: FeedLink;
  metadata: Metadata;
}

/** What a list route's params resolve to: null is a 404. */
export type ListRoute = { kind: "page"; list: ListPage; canonical: boolean } | null;

/** Page `page` of `list`: only that page's summaries are read from the store, and only when rendered. */
function listPage(
  source: ListSource,
  list: ListRef,
  page: number,
  frame: { title: string; metadataTitle: string; description?: string; href: (page: number) => string; feed: FeedLink },
): ListPage {
  const suffix = page > 1 ? ` · ${ui.pageN(page)}` : "";
  let articles: ArticleSummary[] | null = null;
  return {
    source,
    title: frame.title,
    total: list.count,
    page,
    totalPages: pageCount(list.count),
    get articles() {
      articles ??= currentStore().listPage(list, page, siteConfig.pageSize);
      return articles;
    },
    ids: list,
    href: frame.href,
    feed: frame.feed,
    metadata: pageMetadata({
      ...(frame.metadataTitle === "" ? {} : { title: `${frame.metadataTitle}${suffix}` }),
      ...(frame.description === undefined ? {} : { description: frame.description }),
      path: frame.href(page),
      feed: source.kind === "home" ? null : frame.feed,
    }),
  };
}

/** `/` (no param) and `/page/N` (`/page/1` is redirected to `/` by next.config.js). */
export function resolveHomeList(pageParam?: string): ListRoute {
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  const { home } = currentStore().manifest;
  if (page === null || page > pageCount(home.count)) return null;
  return { kind: "page", list: listPage({ kind: "home" }, home, page, { title: ui.latest, metadataTitle: page > 1 ? ui.latest : "", href: urls.home, feed: { url: FEED_PATH, title: siteConfig.title } }), canonical: true };
}

/** `/categories/a/b[/page/N]`, by URL segments or by the names as written in the posts. */
export function resolveCategoryList(segments: string[]): ListRoute {
  const resolved = resolveCategoryPath(segments);
  if (!resolved || resolved.page > pageCount(resolved.category.count)) return null;
  const { category, page } = resolved;
  const path = category.names.join(" › ");
  const list = listPage({ kind: "category", category }, category.list, page, {
    title: category.name,
    metadataTitle: path,
    description: ui.articlesIn(path),
    href: (n) => urls.category(category.segments, n),
    feed: { url: urls.categoryFeed(category.segments), title: listFeedTitle(path) },
  });
  return { kind: "page", list, canonical: resolved.canonical };
}

/** `/authors/<name>[/page/N]`, `/tags/<name>[/page/N]`: by URL segment or raw name, encoded or not. */
export function resolveGroupList(kind: GroupKind, nameParam: string, pageParam?: string): ListRoute {
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  if (page === null) return null;
  const config = groupKinds[kind];
  for (const candidate of paramCandidates(nameParam)) {
    const group = config.find(candidate);
    if (!group || page > pageCount(group.count)) continue;
    const heading = config.heading(group.name);
    const list = listPage({ kind, group }, group.list, page, {
      title: heading,
      metadataTitle: heading,
      href: (n) => config.href(group.segment, n),
      feed: { url: config.feedHref(group.segment), title: listFeedTitle(heading) },
    });
    return { kind: "page", list, canonical: group.segment === candidate };
  }
  return null;
}

/** `/entities/<key>[/page/N]`: the articles mentioning an entity, by its key, encoded or not. */
export function resolveEntityList(keyParam: string, pageParam?: string): ListRoute {
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  if (page === null) return null;
  for (const candidate of paramCandidates(keyParam)) {
    const entity = currentStore().entityByKey(candidate);
    if (!entity || page > pageCount(entity.count)) continue;
    const list = listPage({ kind: "entity", entity }, entity.list, page, {
      title: entity.name,
      metadataTitle: ui.entityPageTitle(entity.name, entity.referType),
      description: ui.entityPageDescription(entity.name, entity.count),
      href: (n) => urls.entity(entity.key, n),
      feed: { url: urls.entityFeed(entity.key), title: listFeedTitle(ui.entityMentionsOf(entity.name)) },
    });
    return { kind: "page", list, canonical: entity.key === candidate };
  }
  return null;
}

/** How many entities a page of `/entities` lists. */
export const ENTITIES_PER_PAGE = 60;

/** One page of `/entities`: the entities, most mentioned first. */
export interface EntityIndexPage {
  entities: EntityRecord[];
  total: number;
  page: number;
  totalPages: number;
  metadata: Metadata;
}

/** `/entities` and `/entities/page/N` (`/entities/page/1` is redirected by next.config.js); past the last page is a 404. */
export function entityIndexOrRespond(pageParam?: string): EntityIndexPage {
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  const total = currentStore().manifest.entityCount;
  const totalPages = pageCount(total, ENTITIES_PER_PAGE);
  if (page === null || page > totalPages || total === 0) notFound();
  const from = (page - 1) * ENTITIES_PER_PAGE;
  return {
    entities: currentStore().entitiesBetween(from, from + ENTITIES_PER_PAGE),
    total,
    page,
    totalPages,
    metadata: pageMetadata({ title: page > 1 ? `${ui.entities} · ${ui.pageN(page)}` : ui.entities, description: ui.entitiesDescription, path: urls.entities(page) }),
  };
}

/** The title of a list's feed: the site's, then the list's name. */
function listFeedTitle(name: string): string {
  return `${siteConfig.title} · ${name}`;
}

/** The page to render; a 404 or a permanent redirect to the canonical URL otherwise (both end the render). */
export function listPageOrRespond(route: ListRoute): ListPage {
  if (!route) notFound();
  if (!route.canonical) permanentRedirect(route.list.href(route.list.page));
  return route.list;
}

/** The metadata of a list route (nothing for a 404 or a redirect). */
export function listMetadata(route: ListRoute): Metadata {
  return route ? route.list.metadata : {};
}

/** `/page/2` … : the home list's prebuilt pages. */
export function homeListStaticParams(): { page: string }[] {
  return prebuiltPageNumbers(currentStore().manifest.home.count).map((page) => ({ page: String(page) }));
}

/** One page per level of every category path, and its first pages of articles (see prebuildListPages). */
export function categoryListStaticParams(): { path: string[] }[] {
  return currentStore().allCategories().flatMap((category) => [
    { path: category.segments },
    ...prebuiltPageNumbers(category.count).map((page) => ({ path: [...category.segments, "page", String(page)] })),
  ]);
}

export function groupListStaticParams(kind: GroupKind): { name: string }[] {
  return groupKinds[kind].all().map((group) => ({ name: group.segment }));
}

/** The most mentioned entities' pages are prebuilt, as many as the newest articles are (`prebuildArticles`). */
export function entityListStaticParams(): { key: string }[] {
  const { prebuildArticles } = siteConfig;
  const count = currentStore().manifest.entityCount;
  return currentStore()
    .entitiesBetween(0, prebuildArticles === null ? count : Math.min(count, prebuildArticles))
    .map((entity) => ({ key: entity.key }));
}

export function entityIndexStaticParams(): { page: string }[] {
  const pages = pageCount(currentStore().manifest.entityCount, ENTITIES_PER_PAGE);
  const prebuilt = siteConfig.prebuildListPages === null ? pages : Math.min(pages, siteConfig.prebuildListPages);
  return Array.from({ length: Math.max(0, prebuilt - 1) }, (_, index) => ({ page: String(index + 2) }));
}

export function groupListPageStaticParams(kind: GroupKind): { name: string; page: string }[] {
  return groupKinds[kind].all().flatMap((group) =>
    prebuiltPageNumbers(group.count).map((page) => ({ name: group.segment, page: String(page) })),
  );
}

/** `/authors`, `/tags`: every name with its article count. A site whose posts have no tags has no tag pages at all. */
export function groupIndexOrNotFound(kind: GroupKind): NamedGroup[] {
  const groups = groupKinds[kind].all();
  if (kind === "tags" && groups.length === 0) notFound();
  return groups;
}
