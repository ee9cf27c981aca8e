import { SiteLink } from "@/components/navigation/site-link";
import type { CategoryNode } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** Every category, nested, with its article count: `/categories`, and the search page without JavaScript. */
export function CategoryTree({ nodes, depth = 0 }: { nodes: CategoryNode[]; depth?: number }) {
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
