"use client";

import { useEffect, useState, type ReactNode } from "react";
import { urls } from "@/lib/site/urls";
import { articleBodyForServerRender } from "./article-body-source";
import { arrivedArticleBody, loadArticleBody } from "./article-body-loader";

const BODY_ELEMENT_ID = "article-body";

type BodyState = { kind: "ready"; html: string } | { kind: "loading" } | { kind: "failed" };

/**
 * Where the body's HTML comes from for this render:
 * - on the server, from the store (article-body-source.ts);
 * - hydrating a page the browser loaded, from the element the server rendered: React keeps the DOM of an element
 *   with `dangerouslySetInnerHTML` as it is, and reading it back gives the same string, so nothing is re-rendered;
 * - after a client navigation, from the body endpoint (article-body-loader.ts), unless it arrived already.
 */
function initialBody(slug: string): BodyState {
  if (typeof window === "undefined") return { kind: "ready", html: articleBodyForServerRender(slug) };
  const rendered = document.getElementById(BODY_ELEMENT_ID);
  if (rendered?.dataset.slug === slug) return { kind: "ready", html: rendered.innerHTML };
  const arrived = arrivedArticleBody(slug);
  return arrived === null ? { kind: "loading" } : { kind: "ready", html: arrived };
}

/**
 * The only place that injects content's HTML. It was sanitized once, at build time, by lib/content/sanitize/
 * with our allow-list policy, and comes only from the store: read there on the server, or parsed by the browser
 * from the server's HTML, or fetched from our own endpoint, which reads the store. (The page's two other
 * injected scripts hold only our own code or escaped JSON: components/layout/theme-script.tsx and the article's
 * JSON-LD, escaped by lib/site/json-ld.ts.)
 */
export function ArticleBodyIsland({ slug, className, children }: { slug: string; className: string; children?: ReactNode }) {
  const [body, setBody] = useState<BodyState>(() => initialBody(slug));

  useEffect(() => {
    if (body.kind !== "loading") return;
    let current = true;
    loadArticleBody(slug).then(
      (html) => current && setBody({ kind: "ready", html }),
      () => current && setBody({ kind: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [slug, body.kind]);

  if (body.kind === "failed") {
    return (
      <p role="alert" className="rounded-lg border border-line px-4 py-3 text-ink-body">
        正文没有载入。
        <a href={urls.article(slug)} className="font-medium text-link underline underline-offset-4">
          重新打开本文
        </a>
      </p>
    );
  }
  if (body.kind === "loading") {
    return (
      <p aria-busy="true" className="py-8 text-ink-meta">
        正在载入正文…
      </p>
    );
  }
  return (
    <>
      <div id={BODY_ELEMENT_ID} data-slug={slug} className={className} dangerouslySetInnerHTML={{ __html: body.html }} />
      {children}
    </>
  );
}
