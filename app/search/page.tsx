import type { Metadata } from "next";
import { CategoryTree } from "@/components/list/category-tree";
import { SearchPage } from "@/components/search/search-page.client";
import { currentStore } from "@/lib/store/read-store";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

// Result pages are for readers, not for search engines: a crawler would find nothing but the empty form.
export const metadata: Metadata = { ...pageMetadata({ title: ui.search, description: ui.searchDescription, path: urls.search() }), robots: { index: false, follow: true } };

/**
 * `/search?q=…`: one static page for every query (the query is read in the browser, so the page is prerendered
 * once and cached like any other). Without JavaScript, or when the build made no index (`YUEDU_SEARCH_LIMIT`), it
 * says so and offers the category tree instead.
 */
export default function SearchRoute() {
  const store = currentStore();
  const { categories } = store.manifest;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 text-2xl font-bold tracking-tight text-ink sm:text-3xl">{ui.search}</h1>
      {store.searchIndex() ? (
        <>
          <SearchPage categories={categories.map((category) => category.name)} />
          <noscript>
            <div className="mt-8">
              <p className="mb-6 text-ink-muted">{ui.searchNeedsScript}</p>
              <CategoryTree nodes={categories} />
            </div>
          </noscript>
        </>
      ) : (
        <div>
          <p className="mb-6 text-ink-muted">{ui.searchUnavailable}</p>
          <CategoryTree nodes={categories} />
        </div>
      )}
    </div>
  );
}
