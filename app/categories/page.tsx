import { SiteLink } from "@/components/navigation/site-link";
import type { CategoryNode } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = pageMetadata({ title: ui.allCategories, path: urls.categories() });

function CategoryTree({ nodes, depth }: { nodes: CategoryNode[]; depth: number }) {
  return (
    <ul className={depth === 0 ? "grid gap-6 sm:grid-cols-2" : "mt-1.5 space-y-1.5 border-l border-line pl-4"}>
      {nodes.map((node) => (
        <li key={node.segments.join("/")} className={depth === 0 ? "rounded-xl border border-line p-5" : ""}>
          <SiteLink
            href={urls.category(node.segments)}
            className={`inline-flex items-baseline gap-2 hover:text-link ${depth === 0 ? "text-lg font-semibold text-ink" : "text-ink-soft"}`}
          >
            {node.name}
            <span className="text-sm font-normal text-ink-meta">{ui.articleCount(node.count)}</span>
          </SiteLink>
          {node.children.length > 0 ? <CategoryTree nodes={node.children} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default function CategoriesPage() {
  const { categories } = currentStore().manifest;
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-ink sm:text-3xl">{ui.allCategories}</h1>
      {categories.length > 0 ? <CategoryTree nodes={categories} depth={0} /> : <p className="text-ink-meta">{ui.noArticles}</p>}
    </div>
  );
}
