"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { prefetchArticleParts } from "@/components/article/article-parts-loader";
import { articleSlugOf } from "@/lib/site/urls";

/** A pointer resting on a link (a finger's tap sends one too, before the click) or focus reaching it. */
const INTENT_EVENTS = ["pointerover", "focusin"] as const;

/** Files, not pages: the router must never fetch them as routes. */
const NOT_ROUTES = /^\/(?:feed\.xml|sitemap\.xml|sitemaps\/|robots\.txt|_next\/|images\/)/;

/** The site link an event happened on, when it leads to a page the client router can prefetch. */
function routeLinkOf(target: EventTarget | null): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  const link = target.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return null;
  if (link.origin !== window.location.origin || NOT_ROUTES.test(link.pathname)) return null;
  if (link.pathname === window.location.pathname && link.search === window.location.search) return null;
  return link;
}

/**
 * Prefetches a site link once the reader shows they may follow it: the pointer rests on it, it gets focus, or a
 * finger touches it; for an article, its body and entity cards too. One listener for the whole page instead of an observer per link
 * (see `SiteLink`).
 */
export function PrefetchOnIntent() {
  const router = useRouter();
  useEffect(() => {
    const prefetched = new Set<string>();
    const onIntent = (event: Event): void => {
      const link = routeLinkOf(event.target);
      if (!link) return;
      const route = link.pathname + link.search;
      if (prefetched.has(route)) return;
      prefetched.add(route);
      router.prefetch(route);
      // An article's page data leaves its body and entity cards out (components/article/article-parts-source.ts).
      const slug = articleSlugOf(link.pathname);
      if (slug !== null) prefetchArticleParts(slug);
    };
    const options = { passive: true, capture: true };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, options);
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent, options);
    };
  }, [router]);
  return null;
}
