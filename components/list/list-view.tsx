import { SiteLink } from "@/components/navigation/site-link";
import type { ReactNode } from "react";
import { CategoryBreadcrumb } from "@/components/article/category-breadcrumb";
import { groupKinds, type ListPage } from "@/lib/site/list-routes";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { ListingPage } from "./listing-page";

/** A resolved list page (`lib/site/list-routes.ts`) in the frame of its kind: home, category, author or tag. */
export function ListView({ list }: { list: ListPage }) {
  const { source } = list;
  const count = <p className="mt-2 text-sm text-ink-meta">{ui.articleCount(list.total)}</p>;
  let eyebrow: ReactNode;
  let intro: ReactNode;
  if (source.kind === "category") {
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
                  <SiteLink
                    href={urls.category(child.segments)}
                    className="inline-flex items-center gap-1.5 rounded-full border border-line px-3 py-1 text-sm text-ink-soft hover:border-accent-500 hover:text-link"
                  >
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
  return <ListingPage eyebrow={eyebrow} title={list.title} intro={intro} articles={list.articles} page={list.page} totalPages={list.totalPages} hrefFor={list.href} />;
}
