import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { CategoryBreadcrumb } from "@/components/article/category-breadcrumb";
import { ListingPage } from "@/components/list/listing-page";
import { getAllCategories, getArticleSummaries } from "@/lib/content/store";
import { pageCount, paginate, prebuiltPageNumbers } from "@/lib/site/format";
import { pageMetadata } from "@/lib/site/metadata";
import { resolveCategoryPath } from "@/lib/site/resolve-category";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

type Props = { params: Promise<{ path: string[] }> };

/** One page per level of every category path, and its first pages of articles (see prebuildListPages). */
export function generateStaticParams() {
  return getAllCategories().flatMap((category) => [
    { path: category.segments },
    ...prebuiltPageNumbers(category.articleIds.length).map((page) => ({ path: [...category.segments, "page", String(page)] })),
  ]);
}

function resolve(segments: string[]) {
  const resolved = resolveCategoryPath(segments);
  if (!resolved || resolved.page > pageCount(resolved.category.articleIds.length)) return null;
  return resolved;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = resolve((await params).path);
  if (!resolved) return {};
  const { category, page } = resolved;
  return pageMetadata({
    title: `${category.names.join(" › ")}${page > 1 ? ` · ${ui.pageN(page)}` : ""}`,
    description: ui.articlesIn(category.names.join(" › ")),
    path: urls.category(category.segments, page),
  });
}

export default async function CategoryPage({ params }: Props) {
  const resolved = resolve((await params).path);
  if (!resolved) notFound();
  const { category, page } = resolved;
  if (!resolved.canonical) permanentRedirect(urls.category(category.segments, page));
  const { items, totalPages } = paginate(getArticleSummaries(category.articleIds), page);
  return (
    <ListingPage
      eyebrow={<CategoryBreadcrumb path={category} currentIsLast />}
      title={category.name}
      intro={
        <>
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{ui.articleCount(category.articleIds.length)}</p>
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
                      <span className="text-xs text-zinc-400">{child.articleIds.length}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      }
      articles={items}
      page={page}
      totalPages={totalPages}
      hrefFor={(n) => urls.category(category.segments, n)}
    />
  );
}
