import type { NamedGroup } from "@/lib/content/model";
import { getAuthor, getSiteIndex, getTag } from "@/lib/content/store";
import { pageCount, prebuiltPageNumbers } from "./format";
import { ui } from "./ui-text";
import { paramCandidates, parsePageParam, urls } from "./urls";

/** Authors and tags work the same way: a list of names, one paginated page per name. */
export type GroupKind = "authors" | "tags";

export const groupKinds = {
  authors: { all: () => getSiteIndex().authors, find: getAuthor, href: urls.author, indexHref: urls.authors, label: ui.authors, heading: ui.articlesBy },
  tags: { all: () => getSiteIndex().tags, find: getTag, href: urls.tag, indexHref: urls.tags, label: ui.tags, heading: ui.articlesTagged },
} as const;

export interface ResolvedGroup {
  group: NamedGroup;
  page: number;
  canonical: boolean;
}

/** Finds a group by URL segment or raw name (encoded or not) and checks the page number. */
export function resolveGroup(kind: GroupKind, nameParam: string, pageParam?: string): ResolvedGroup | null {
  const page = pageParam === undefined ? 1 : parsePageParam(pageParam);
  if (page === null) return null;
  for (const candidate of paramCandidates(nameParam)) {
    const group = groupKinds[kind].find(candidate);
    if (group && page <= pageCount(group.articleIds.length)) return { group, page, canonical: group.segment === candidate };
  }
  return null;
}

export function groupStaticParams(kind: GroupKind): { name: string }[] {
  return groupKinds[kind].all().map((group) => ({ name: group.segment }));
}

export function groupPageStaticParams(kind: GroupKind): { name: string; page: string }[] {
  return groupKinds[kind].all().flatMap((group) =>
    prebuiltPageNumbers(group.articleIds.length).map((page) => ({ name: group.segment, page: String(page) })),
  );
}
