import { SiteLink } from "@/components/navigation/site-link";
import type { CategoryPath } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** 分类 › 新媒体 › 36kr › 资讯, every level linked; the current level marked when it is this page. */
export function CategoryBreadcrumb({ path, currentIsLast = false }: { path: CategoryPath; currentIsLast?: boolean }) {
  return (
    <nav aria-label={ui.breadcrumb} className="text-sm text-ink-meta">
      <ol className="crumbs flex flex-wrap items-center gap-y-1">
        <li>
          <SiteLink href={urls.categories()} className="hover:text-link">{ui.categories}</SiteLink>
        </li>
        {path.names.map((name, depth) => {
          const segments = path.segments.slice(0, depth + 1);
          const isCurrent = currentIsLast && depth === path.names.length - 1;
          return (
            <li key={segments.join("/")}>
              {isCurrent ? (
                <span aria-current="page" className="text-ink-body">{name}</span>
              ) : (
                <SiteLink href={urls.category(segments)} className="hover:text-link">{name}</SiteLink>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
