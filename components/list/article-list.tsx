import { TitleText } from "@/components/article/title-text";
import { SiteLink } from "@/components/navigation/site-link";
import type { ArticleSummary } from "@/lib/store/model";
import { formatDate } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/** The list used by home, category, author and tag pages: title, excerpt, thumbnail and byline. */
export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p className="py-10 text-ink-meta">{ui.noArticles}</p>;
  return (
    <ol className="divide-y divide-line">
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
          <p className="crumbs mb-1.5 truncate text-[13px] text-ink-meta">
            {category.names.map((name, depth) => (
              <span key={category.segments.slice(0, depth + 1).join("/")}>
                <SiteLink href={urls.category(category.segments.slice(0, depth + 1))} className="hover:text-link">
                  {name}
                </SiteLink>
              </span>
            ))}
          </p>
        ) : null}
        <h2 className="title-words text-lg leading-snug font-semibold text-ink sm:text-xl">
          <SiteLink href={urls.article(article.slug)} className="hover:text-link">
            <TitleText title={article.title} breaks={article.titleBreaks} />
          </SiteLink>
        </h2>
        {article.excerpt ? (
          <p className="mt-2 line-clamp-2 text-[15px] leading-relaxed text-ink-muted sm:line-clamp-3">{article.excerpt}</p>
        ) : null}
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px] text-ink-meta">
          {article.author ? (
            <SiteLink href={urls.author(article.author.segment)} className="font-medium text-ink-soft hover:text-link">
              {article.author.name}
            </SiteLink>
          ) : null}
          <time dateTime={article.date}>{formatDate(article.date)}</time>
          <span>{ui.readingTime(article.readingMinutes)}</span>
        </p>
      </div>
      {article.image ? (
        <SiteLink href={urls.article(article.slug)} tabIndex={-1} aria-hidden="true" className="hidden shrink-0 sm:block">
          <span className="block aspect-[4/3] w-36 overflow-hidden rounded-lg bg-gradient-to-br from-zinc-100 to-zinc-200 md:w-44 dark:from-zinc-800 dark:to-zinc-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- hotlinked images need no-referrer, which next/image cannot set */}
            <img src={article.image} alt="" width={176} height={132} data-initial={Array.from(article.title)[0] ?? ""} loading="lazy" decoding="async" referrerPolicy="no-referrer" className="img-fallback relative size-full object-cover" />
          </span>
        </SiteLink>
      ) : null}
    </article>
  );
}
