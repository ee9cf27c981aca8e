"use client";

import { useEffect, useState } from "react";
import type { ArticleParts } from "./article-parts";
import { articlePartsForServerRender } from "./article-parts-source";
import { arrivedArticleParts, loadArticleParts } from "./article-parts-loader";

/**
 * Where one of an article's sent-once parts comes from in this render:
 * - `parts`: on the server, from the store (article-parts-source.ts); after a client navigation, from the parts
 *   endpoint (article-parts-loader.ts), once they arrive;
 * - `adopted`: hydrating a page the browser loaded, the inner HTML of the element the server rendered
 *   (`elementId`, marked with the slug). The island renders it back with `dangerouslySetInnerHTML`, which React
 *   keeps as it is when hydrating, so nothing is re-rendered or fetched.
 */
export type ArticlePartsState = { kind: "parts"; parts: ArticleParts } | { kind: "adopted"; innerHtml: string } | { kind: "loading" } | { kind: "failed" };

function initialState(slug: string, elementId: string): ArticlePartsState {
  if (typeof window === "undefined") return { kind: "parts", parts: articlePartsForServerRender(slug) };
  const rendered = document.getElementById(elementId);
  if (rendered?.dataset.slug === slug) return { kind: "adopted", innerHtml: rendered.innerHTML };
  const arrived = arrivedArticleParts(slug);
  return arrived === null ? { kind: "loading" } : { kind: "parts", parts: arrived };
}

/** The state of the element `elementId` of the article `slug`, fetching the parts when the page has none. */
export function useArticleParts(slug: string, elementId: string): ArticlePartsState {
  const [state, setState] = useState<ArticlePartsState>(() => initialState(slug, elementId));
  useEffect(() => {
    if (state.kind !== "loading") return;
    let current = true;
    loadArticleParts(slug).then(
      (parts) => current && setState({ kind: "parts", parts }),
      () => current && setState({ kind: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [slug, state.kind]);
  return state;
}
