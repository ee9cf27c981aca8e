import { SiteLink } from "@/components/navigation/site-link";
import type { ReactNode } from "react";
import { CategoryBreadcrumb } from "@/components/article/category-breadcrumb";
import { groupKinds, type ListPage } from "@/lib/site/list-routes";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { EntityFacts, EntityHeading } from "@/components/entity/entity-profile";
import { ListingPage } from "./listing-page";

/**
 * A resolved list page (`lib/site/list-routes.ts`) in the frame of its kind: home, category, author, tag or
 * entity. Every list but home links its own feed (home's is the site's, in the footer).
 */
export function ListView({ list }: { list: ListPage }) {
  const { source } = list;
  // A plain link: the feed is an XML file, not a page of the app.
  const feed = (
    <a href={list.feed.url} type="application/atom+xml" className="hover:text-link">
      {ui.listFeed}
    </a>
  );
  const count = (
    <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-ink-meta">
      <span>{ui.articleCount(list.total)}</span>
      {feed}
    </p>
  );
  let title: ReactNode = list.title;
  let eyebrow: ReactNode;
  let intro: ReactNode;
  if (source.kind === "entity") {
    title = <EntityHeading entity={source.entity} />;
    eyebrow = (
      <p className="mb-3 text-sm text-ink-meta">
        <SiteLink href={urls.entities()} className="hover:text-link">{ui.entitiesShort}</SiteLink>
      </p>
    );
    intro = <EntityFacts entity={source.entity} feed={feed} />;
  } else if (source.kind === "category") {
    const { category } = source;
    eyebrow = <CategoryBreadcrumb path={category} currentIsLast />;
    intro = (
      <>
        {count}
        {category.children.length > 0 ? (
          <nav aria-label={ui.subcategories} className="mt-5">
            <ul className="flex flex-wrap gap-2">
              {category.children.map((child) => (
                <li key={child.segments.join("/")}>
                  <SiteLink href={urls.category(child.segments)} className="chip">
                    {child.name}
                    <span className="text-xs text-ink-meta">{child.count}</span>
                  </SiteLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </>
    );
  } else if (source.kind !== "home") {
    const config = groupKinds[source.kind];
    eyebrow = (
      <p className="mb-2 text-sm text-ink-meta">
        <SiteLink href={config.indexHref()} className="hover:text-link">{config.label}</SiteLink>
      </p>
    );
    intro = count;
  }
  return <ListingPage eyebrow={eyebrow} title={title} intro={intro} articles={list.articles} page={list.page} totalPages={list.totalPages} hrefFor={list.href} />;
}
