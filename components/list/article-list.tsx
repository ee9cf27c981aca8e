import Link from "next/link";
import type { ArticleSummary } from "@/lib/store/model";
import { formatDate } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** The list used by home, category, author and tag pages: title, excerpt, thumbnail and byline. */
export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p className="py-10 text-zinc-500">{ui.noArticles}</p>;
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleListItem article={article} />
        </li>
      ))}
    </ol>
  );
}

function ArticleListItem({ article }: { article: ArticleSummary }) {
  const category = article.categories[0];
  return (
    <article className="flex gap-4 py-6 sm:gap-6">
      <div className="min-w-0 flex-1">
        {category ? (
          <p className="mb-1.5 truncate text-[13px] text-zinc-500 dark:text-zinc-400">
            {category.names.map((name, depth) => (
              <span key={category.segments.slice(0, depth + 1).join("/")}>
                {depth > 0 ? <span aria-hidden="true" className="mx-1 text-zinc-300 dark:text-zinc-600">›</span> : null}
                <Link href={urls.category(category.segments.slice(0, depth + 1))} className="hover:text-accent-700 dark:hover:text-accent-300">
                  {name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <h2 className="text-lg leading-snug font-semibold text-zinc-950 sm:text-xl dark:text-zinc-50">
          <Link href={urls.article(article.slug)} className="hover:text-accent-700 dark:hover:text-accent-300">
            {article.title}
          </Link>
        </h2>
        {article.excerpt ? (
          <p className="mt-2 line-clamp-2 text-[15px] leading-relaxed text-zinc-600 sm:line-clamp-3 dark:text-zinc-400">{article.excerpt}</p>
        ) : null}
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px] text-zinc-500 dark:text-zinc-400">
          {article.author ? (
            <Link href={urls.author(article.author.segment)} className="font-medium text-zinc-700 hover:text-accent-700 dark:text-zinc-300 dark:hover:text-accent-300">
              {article.author.name}
            </Link>
          ) : null}
          <time dateTime={article.date}>{formatDate(article.date)}</time>
          <span>{ui.readingTime(article.readingMinutes)}</span>
        </p>
      </div>
      {article.image ? (
        <Link href={urls.article(article.slug)} tabIndex={-1} aria-hidden="true" className="hidden shrink-0 sm:block">
          <span className="block aspect-[4/3] w-36 overflow-hidden rounded-lg bg-gradient-to-br from-zinc-100 to-zinc-200 md:w-44 dark:from-zinc-800 dark:to-zinc-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- hotlinked images need no-referrer, which next/image cannot set */}
            <img src={article.image} alt="" data-initial={Array.from(article.title)[0] ?? ""} loading="lazy" decoding="async" referrerPolicy="no-referrer" className="img-fallback relative size-full object-cover" />
          </span>
        </Link>
      ) : null}
    </article>
  );
}
