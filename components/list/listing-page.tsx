import type { ReactNode } from "react";
import type { ArticleSummary } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";
import { ArticleList } from "./article-list";
import { Pagination } from "./pagination";

/** The shared frame of every list page: heading, optional intro, the list and pagination. */
export function ListingPage(props: {
  title: ReactNode;
  eyebrow?: ReactNode;
  intro?: ReactNode;
  articles: ArticleSummary[];
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <div className="mx-auto max-w-3xl">
      {props.eyebrow}
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">
        {props.title}
        {props.page > 1 ? <span className="ml-3 align-middle text-base font-normal text-ink-meta">{ui.pageOf(props.page, props.totalPages)}</span> : null}
      </h1>
      {props.intro}
      <ArticleList articles={props.articles} />
      <Pagination page={props.page} totalPages={props.totalPages} hrefFor={props.hrefFor} />
    </div>
  );
}
