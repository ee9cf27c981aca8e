import { SiteLink } from "@/components/navigation/site-link";
import type { ArticleSummary } from "@/lib/store/model";
import { formatDate } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { TitleText } from "./title-text";

/** 相关文章: chosen at build time (`lib/content/index/related-articles.ts`), best first. */
export function RelatedArticles({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-title" className="mt-12 border-t border-line pt-8">
      <h2 id="related-title" className="text-base font-semibold text-ink-body">
        {ui.relatedArticles}
      </h2>
      <ul className="mt-4 divide-y divide-line">
        {articles.map((article) => (
          <li key={article.slug} className="py-3">
            <SiteLink href={urls.article(article.slug)} className="group block">
              <span className="title-words block leading-snug font-medium text-ink-body group-hover:text-link">
                <TitleText title={article.title} breaks={article.titleBreaks} />
              </span>
              <span className="mt-1 block text-[13px] text-ink-meta">
                {article.categories[0] ? `${article.categories[0].names.join(" › ")} · ` : ""}
                <time dateTime={article.date}>{formatDate(article.date)}</time>
              </span>
            </SiteLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
