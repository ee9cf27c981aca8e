import { SiteLink } from "@/components/navigation/site-link";
import type { ArticleDocument } from "@/lib/store/model";
import { formatDateTime } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { CategoryBreadcrumb } from "./category-breadcrumb";
import { TitleText } from "./title-text";

/** Breadcrumb, title and byline (author, date, reading time, tags) of an article. */
export function ArticleHeader({ document }: { document: ArticleDocument }) {
  const { summary } = document;
  const category = summary.categories[0];
  return (
    <header>
      {category ? <CategoryBreadcrumb path={category} /> : null}
      <h1 className="title-words mt-3 text-[1.75rem] leading-snug font-bold tracking-tight text-ink sm:text-4xl sm:leading-tight">
        <TitleText title={summary.title} breaks={summary.titleBreaks} />
      </h1>
      {document.description ? <p className="mt-3 text-lg leading-relaxed text-ink-muted">{document.description}</p> : null}
      <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm text-ink-meta">
        {summary.author ? (
          <SiteLink rel="author" href={urls.author(summary.author.segment)} className="font-medium text-ink-body hover:text-link">
            {summary.author.name}
          </SiteLink>
        ) : null}
        <time dateTime={summary.date}>{formatDateTime(summary.date)}</time>
        {summary.updated && summary.updated !== summary.date ? (
          <span>
            {ui.updatedOn} <time dateTime={summary.updated}>{formatDateTime(summary.updated)}</time>
          </span>
        ) : null}
        <span>{ui.readingTime(summary.readingMinutes)}</span>
      </p>
      {summary.tags.length > 0 ? (
        <ul aria-label={ui.tags} className="mt-3 flex flex-wrap gap-2">
          {summary.tags.map((tag) => (
            <li key={tag.segment}>
              <SiteLink href={urls.tag(tag.segment)} className="inline-block rounded-full bg-surface-soft px-2.5 py-0.5 text-[13px] text-ink-soft hover:bg-accent-50 hover:text-link dark:hover:bg-zinc-700">
                #{tag.name}
              </SiteLink>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
