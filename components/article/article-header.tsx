import Link from "next/link";
import type { ArticleDocument } from "@/lib/store/model";
import { formatDateTime } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { CategoryBreadcrumb } from "./category-breadcrumb";

/** Breadcrumb, title and byline (author, date, reading time, tags) of an article. */
export function ArticleHeader({ document }: { document: ArticleDocument }) {
  const { summary } = document;
  const category = summary.categories[0];
  return (
    <header>
      {category ? <CategoryBreadcrumb path={category} /> : null}
      <h1 className="mt-3 text-[1.75rem] leading-snug font-bold tracking-tight text-zinc-950 sm:text-4xl sm:leading-tight dark:text-white">
        {summary.title}
      </h1>
      {document.description ? <p className="mt-3 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400">{document.description}</p> : null}
      <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm text-zinc-500 dark:text-zinc-400">
        {summary.author ? (
          <Link rel="author" href={urls.author(summary.author.segment)} className="font-medium text-zinc-800 hover:text-accent-700 dark:text-zinc-200 dark:hover:text-accent-300">
            {summary.author.name}
          </Link>
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
              <Link href={urls.tag(tag.segment)} className="inline-block rounded-full bg-zinc-100 px-2.5 py-0.5 text-[13px] text-zinc-700 hover:bg-accent-50 hover:text-accent-700 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700">
                #{tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
