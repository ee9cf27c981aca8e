/**
 * Every list route — home, a category at any level, an author, a tag, each paginated — resolved the same way:
 * route params in, a `ListRoute` out (the page to render, a redirect to the canonical URL, or nothing), and the
 * route file turns that into a page, metadata or a Next response with `listPageOrRespond`/`listMetadata`.
 * Components only render a resolved `ListPage`.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { ArticleSummary, CategoryNode, ListRef, NamedGroup } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { siteConfig } from "@/site.config";
import { pageMetadata } from "./metadata";
import { pageCount, prebuiltPageNumbers } from "./pagination";
import { resolveCategoryPath } from "./resolve-category";
import { ui } from "./ui-text";
import { paramCandidates, parsePageParam, urls } from "./urls";

/** Authors and tags work the same way: a list of names, one paginated page per name. */
export type GroupKind = "authors" | "tags";

export const groupKinds = {
  authors: {
    all: () => currentStore().authors(),
    find: (segmentOrName: string) => currentStore().author(segmentOrName),
    href: urls.author,
    indexHref: urls.authors,
    label: ui.authors,
    heading: ui.articlesBy,
  },
  tags: {
    all: () => currentStore().tags(),
    find: (segmentOrName: string) => currentStore().tag(segmentOrName),
    href: urls.tag,
    indexHref: urls.tags,
    label: ui.tags,
    heading: ui.articlesTagged,
  },
} as const;

/** Which list a page shows, with what its frame needs (breadcrumb, subcategories, the index it belongs to). */
export type ListSource = { kind: "home" } | { kind: "category"; category: CategoryNode } | { kind: GroupKind; group: NamedGroup };

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
  /** The URL of page `n` of this list. */
  href: (page: number) => string;
  metadata: Metadata;
}

/** What a list route's params resolve to: null is a 404. */
export type ListRoute = { kind: "page"; list: ListPage; canonical: boolean } | { kind: "redirect"; to: string } | null;

/** Page `page` of `list`: only that page's summaries are read from the store, and only when rendered. */
function listPage(source: ListSource, list: ListRef, page: number, frame: { title: string; metadataTitle: string; description?: string; href: (page: number) => string }): ListPage {
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
    href: frame.href,
    metadata: pageMetadata({
      ...(frame.metadataTitle === "" ? {} : { title: `${frame.metadataTitle}${suffix}` }),
      ...(frame.description === undefined ? {} : { description: frame.description }),
      path: frame.href(page),
    }),
  };
}

/** `/` (no param) and `/page/N`; `/page/1` redirects to `/`. */
export function resolveHomeList(pageParam?: string): ListRoute {
  if (pageParam === "1") return { kind: "redirect", to: urls.home() };
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  const { home } = currentStore().manifest;
  if (page === null || page > pageCount(home.count)) return null;
  return { kind: "page", list: listPage({ kind: "home" }, home, page, { title: ui.latest, metadataTitle: page > 1 ? ui.latest : "", href: urls.home }), canonical: true };
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
    const list = listPage({ kind, group }, group.list, page, { title: heading, metadataTitle: heading, href: (n) => config.href(group.segment, n) });
    return { kind: "page", list, canonical: group.segment === candidate };
  }
  return null;
}

/** The page to render; a 404 or a permanent redirect to the canonical URL otherwise (both end the render). */
export function listPageOrRespond(route: ListRoute): ListPage {
  if (!route) notFound();
  if (route.kind === "redirect") permanentRedirect(route.to);
  if (!route.canonical) permanentRedirect(route.list.href(route.list.page));
  return route.list;
}

/** The metadata of a list route (nothing for a 404 or a redirect). */
export function listMetadata(route: ListRoute): Metadata {
  return route?.kind === "page" ? route.list.metadata : {};
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
