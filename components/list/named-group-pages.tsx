import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getArticleSummaries } from "@/lib/content/store";
import { paginate } from "@/lib/site/format";
import { pageMetadata } from "@/lib/site/metadata";
import { groupKinds, resolveGroup, type GroupKind } from "@/lib/site/named-groups";
import { ui } from "@/lib/site/ui-text";
import { ListingPage } from "./listing-page";

/** `/authors`, `/tags`: every name with its article count. */
export function NamedGroupIndex({ kind }: { kind: GroupKind }) {
  const config = groupKinds[kind];
  const groups = config.all();
  // A site whose posts have no tags has no tag pages at all.
  if (kind === "tags" && groups.length === 0) notFound();
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-zinc-950 sm:text-3xl dark:text-white">{config.label}</h1>
      {groups.length === 0 ? (
        <p className="text-zinc-500">{ui.noArticles}</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {groups.map((group) => (
            <li key={group.segment}>
              <Link
                href={config.href(group.segment)}
                className="inline-flex items-baseline gap-2 rounded-lg border border-zinc-200 px-4 py-2.5 text-zinc-800 hover:border-accent-500 hover:text-accent-700 dark:border-zinc-700 dark:text-zinc-200 dark:hover:text-accent-300"
              >
                {kind === "tags" ? `#${group.name}` : group.name}
                <span className="text-sm text-zinc-400">{ui.articleCount(group.articleIds.length)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function namedGroupMetadata(kind: GroupKind, nameParam: string, pageParam?: string): Metadata {
  const resolved = resolveGroup(kind, nameParam, pageParam);
  if (!resolved) return {};
  const config = groupKinds[kind];
  return pageMetadata({
    title: `${config.heading(resolved.group.name)}${resolved.page > 1 ? ` · ${ui.pageN(resolved.page)}` : ""}`,
    path: config.href(resolved.group.segment, resolved.page),
  });
}

/** `/authors/<name>[/page/N]`, `/tags/<name>[/page/N]`. */
export function NamedGroupListing({ kind, nameParam, pageParam }: { kind: GroupKind; nameParam: string; pageParam?: string }) {
  const resolved = resolveGroup(kind, nameParam, pageParam);
  if (!resolved) notFound();
  const config = groupKinds[kind];
  const { group, page } = resolved;
  if (!resolved.canonical) permanentRedirect(config.href(group.segment, page));
  const { items, totalPages } = paginate(getArticleSummaries(group.articleIds), page);
  return (
    <ListingPage
      eyebrow={
        <p className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
          <Link href={config.indexHref()} className="hover:text-accent-700 dark:hover:text-accent-300">{config.label}</Link>
        </p>
      }
      title={config.heading(group.name)}
      intro={<p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{ui.articleCount(group.articleIds.length)}</p>}
      articles={items}
      page={page}
      totalPages={totalPages}
      hrefFor={(n) => config.href(group.segment, n)}
    />
  );
}
