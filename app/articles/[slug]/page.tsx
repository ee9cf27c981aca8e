import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleNeighbours } from "@/components/article/article-neighbours";
import { HeadImage } from "@/components/article/head-image";
import { RelatedArticles } from "@/components/article/related-articles";
import { TableOfContents, TOC_MIN_HEADINGS } from "@/components/article/table-of-contents";
import { TocTracker } from "@/components/article/toc-tracker.client";
import { EntityCards } from "@/components/entity/entity-cards";
import { EntityHoverCards } from "@/components/entity/entity-hover-cards.client";
import { currentStore } from "@/lib/store/read-store";
import { articleStructuredData, jsonForScriptElement } from "@/lib/site/json-ld";
import { pageMetadata } from "@/lib/site/metadata";
import { paramCandidates, urls } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";

type Props = { params: Promise<{ slug: string }> };

/** Prebuilds the newest `prebuildArticles` articles (every one when it is null); the rest render on first request. */
export function generateStaticParams() {
  const store = currentStore();
  return store.newest(siteConfig.prebuildArticles ?? store.articleCount).map((article) => ({ slug: article.slug }));
}

/** Shared by generateMetadata and the page within one render, so the document is read and parsed once. */
const findDocument = cache((slugParam: string) => {
  for (const candidate of paramCandidates(slugParam)) {
    const document = currentStore().document(candidate);
    if (document) return document;
  }
  return null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const document = findDocument((await params).slug);
  if (!document) return {};
  const { summary } = document;
  return pageMetadata({
    title: summary.title,
    description: document.description ?? summary.excerpt,
    path: urls.article(summary.slug),
    image: summary.image,
    type: "article",
    publishedTime: summary.date,
  });
}

export default async function ArticlePage({ params }: Props) {
  const document = findDocument((await params).slug);
  if (!document) notFound();
  const hasToc = document.headings.length >= TOC_MIN_HEADINGS;
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12 xl:grid-cols-[minmax(0,1fr)_17rem]">
      <article className="mx-auto w-full max-w-[42rem] min-w-0">
        <ArticleHeader document={document} />
        {document.summary.image ? <HeadImage src={document.summary.image} title={document.summary.title} /> : null}
        <TableOfContents headings={document.headings} variant="inline" />
        <div className="mt-8">
          <ArticleBody slug={document.summary.slug}>
            {hasToc ? <TocTracker ids={document.headings.map((heading) => heading.id)} /> : null}
            {document.entities.length > 0 ? <EntityHoverCards /> : null}
          </ArticleBody>
        </div>
        <EntityCards slug={document.summary.slug} count={document.entities.length} />
        <RelatedArticles articles={document.related} />
        <ArticleNeighbours previous={document.previous} next={document.next} />
      </article>
      {hasToc ? (
        <aside className="hidden lg:block">
          <TableOfContents headings={document.headings} variant="sidebar" />
        </aside>
      ) : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScriptElement(articleStructuredData(document)) }} />
    </div>
  );
}
