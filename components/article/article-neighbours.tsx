import { SiteLink } from "@/components/navigation/site-link";
import type { ArticleLink } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { TitleText } from "./title-text";

/** 上一篇 / 下一篇: the articles published just before and just after this one. */
export function ArticleNeighbours({ previous, next }: { previous: ArticleLink | null; next: ArticleLink | null }) {
  if (!previous && !next) return null;
  const box = "group flex flex-col gap-1 rounded-lg border border-line p-4 hover:border-accent-500";
  return (
    <nav aria-label={`${ui.previous} / ${ui.next}`} className="article-neighbours mt-10 grid gap-3 sm:grid-cols-2">
      {previous ? (
        <SiteLink rel="prev" href={urls.article(previous.slug)} className={box}>
          <span className="text-xs text-ink-meta">← {ui.previous}</span>
          <span className="title-words line-clamp-2 font-medium text-ink-body group-hover:text-link">
            <TitleText title={previous.title} breaks={previous.titleBreaks} />
          </span>
        </SiteLink>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <SiteLink rel="next" href={urls.article(next.slug)} className={`${box} sm:text-right`}>
          <span className="text-xs text-ink-meta">{ui.next} →</span>
          <span className="title-words line-clamp-2 font-medium text-ink-body group-hover:text-link">
            <TitleText title={next.title} breaks={next.titleBreaks} />
          </span>
        </SiteLink>
      ) : null}
    </nav>
  );
}
