import Link from "next/link";
import type { CategoryNode } from "@/lib/store/model";
import { currentStore } from "@/lib/store/read-store";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = pageMetadata({ title: ui.allCategories, path: urls.categories() });

function CategoryTree({ nodes, depth }: { nodes: CategoryNode[]; depth: number }) {
  return (
    <ul className={depth === 0 ? "grid gap-6 sm:grid-cols-2" : "mt-1.5 space-y-1.5 border-l border-zinc-200 pl-4 dark:border-zinc-800"}>
      {nodes.map((node) => (
        <li key={node.segments.join("/")} className={depth === 0 ? "rounded-xl border border-zinc-200 p-5 dark:border-zinc-800" : ""}>
          <Link
            href={urls.category(node.segments)}
            className={`inline-flex items-baseline gap-2 hover:text-accent-700 dark:hover:text-accent-300 ${depth === 0 ? "text-lg font-semibold text-zinc-950 dark:text-white" : "text-zinc-700 dark:text-zinc-300"}`}
          >
            {node.name}
            <span className="text-sm font-normal text-zinc-400">{ui.articleCount(node.count)}</span>
          </Link>
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
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-zinc-950 sm:text-3xl dark:text-white">{ui.allCategories}</h1>
      {categories.length > 0 ? <CategoryTree nodes={categories} depth={0} /> : <p className="text-zinc-500">{ui.noArticles}</p>}
    </div>
  );
}
