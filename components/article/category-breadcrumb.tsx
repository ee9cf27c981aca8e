import Link from "next/link";
import type { CategoryPath } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** 分类 › 新媒体 › 36kr › 资讯, every level linked; the current level marked when it is this page. */
export function CategoryBreadcrumb({ path, currentIsLast = false }: { path: CategoryPath; currentIsLast?: boolean }) {
  return (
    <nav aria-label={ui.breadcrumb} className="text-sm text-zinc-500 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        <li>
          <Link href={urls.categories()} className="hover:text-accent-700 dark:hover:text-accent-300">{ui.categories}</Link>
        </li>
        {path.names.map((name, depth) => {
          const segments = path.segments.slice(0, depth + 1);
          const isCurrent = currentIsLast && depth === path.names.length - 1;
          return (
            <li key={segments.join("/")} className="flex items-center gap-x-1.5">
              <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">›</span>
              {isCurrent ? (
                <span aria-current="page" className="text-zinc-800 dark:text-zinc-200">{name}</span>
              ) : (
                <Link href={urls.category(segments)} className="hover:text-accent-700 dark:hover:text-accent-300">{name}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
