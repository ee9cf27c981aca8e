import { CategoryTree } from "@/components/list/category-tree";
import { currentStore } from "@/lib/store/read-store";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = pageMetadata({ title: ui.allCategories, path: urls.categories() });

export default function CategoriesPage() {
  const { categories } = currentStore().manifest;
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-ink sm:text-3xl">{ui.allCategories}</h1>
      {categories.length > 0 ? <CategoryTree nodes={categories} /> : <p className="text-ink-meta">{ui.noArticles}</p>}
    </div>
  );
}
