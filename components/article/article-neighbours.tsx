import Link from "next/link";
import type { ArticleLink } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** 上一篇 / 下一篇: the articles published just before and just after this one. */
export function ArticleNeighbours({ previous, next }: { previous: ArticleLink | null; next: ArticleLink | null }) {
  if (!previous && !next) return null;
  const box = "group flex flex-col gap-1 rounded-lg border border-zinc-200 p-4 hover:border-accent-500 dark:border-zinc-800 dark:hover:border-accent-500";
  return (
    <nav aria-label={`${ui.previous} / ${ui.next}`} className="mt-10 grid gap-3 sm:grid-cols-2">
      {previous ? (
        <Link rel="prev" href={urls.article(previous.slug)} className={box}>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">← {ui.previous}</span>
          <span className="line-clamp-2 font-medium text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">{previous.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <Link rel="next" href={urls.article(next.slug)} className={`${box} sm:text-right`}>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{ui.next} →</span>
          <span className="line-clamp-2 font-medium text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
