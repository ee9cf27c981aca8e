import Link from "next/link";
import type { ReactNode } from "react";
import { CategoryBreadcrumb } from "@/components/article/category-breadcrumb";
import { groupKinds, type ListPage } from "@/lib/site/list-routes";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { ListingPage } from "./listing-page";

/** A resolved list page (`lib/site/list-routes.ts`) in the frame of its kind: home, category, author or tag. */
export function ListView({ list }: { list: ListPage }) {
  const { source } = list;
  const count = <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{ui.articleCount(list.total)}</p>;
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
                  <Link
                    href={urls.category(child.segments)}
                    className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-3 py-1 text-sm text-zinc-700 hover:border-accent-500 hover:text-accent-700 dark:border-zinc-700 dark:text-zinc-300 dark:hover:text-accent-300"
                  >
                    {child.name}
                    <span className="text-xs text-zinc-400">{child.count}</span>
                  </Link>
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
      <p className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href={config.indexHref()} className="hover:text-accent-700 dark:hover:text-accent-300">{config.label}</Link>
      </p>
    );
    intro = count;
  }
  return <ListingPage eyebrow={eyebrow} title={list.title} intro={intro} articles={list.articles} page={list.page} totalPages={list.totalPages} hrefFor={list.href} />;
}
