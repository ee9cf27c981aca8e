"use client";

import type { ReactNode } from "react";
import { urls } from "@/lib/site/urls";
import { useArticleParts } from "./use-article-parts.client";

const BODY_ELEMENT_ID = "article-body";

/**
 * The only place that injects content's HTML. It was sanitized once, at build time, by lib/content/sanitize/
 * with our allow-list policy, and comes only from the store: read there on the server, or parsed by the browser
 * from the server's HTML, or fetched from our own endpoint, which reads the store. (The page's two other
 * injected scripts hold only our own code or escaped JSON: components/layout/theme-script.tsx and the article's
 * JSON-LD, escaped by lib/site/json-ld.ts.) `children` mount once the body is in the page.
 */
export function ArticleBodyIsland({ slug, className, children }: { slug: string; className: string; children?: ReactNode }) {
  const state = useArticleParts(slug, BODY_ELEMENT_ID);
  if (state.kind === "failed") {
    return (
      <p role="alert" className="rounded-lg border border-line px-4 py-3 text-ink-body">
        正文没有载入。
        <a href={urls.article(slug)} className="font-medium text-link underline underline-offset-4">
          重新打开本文
        </a>
      </p>
    );
  }
  if (state.kind === "loading") {
    return (
      <p aria-busy="true" className="py-8 text-ink-meta">
        正在载入正文…
      </p>
    );
  }
  const html = state.kind === "adopted" ? state.innerHtml : state.parts.html;
  return (
    <>
      <div id={BODY_ELEMENT_ID} data-slug={slug} className={className} dangerouslySetInnerHTML={{ __html: html }} />
      {children}
    </>
  );
}
