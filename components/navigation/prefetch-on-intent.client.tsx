"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** A pointer resting on a link (a finger's tap sends one too, before the click) or focus reaching it. */
const INTENT_EVENTS = ["pointerover", "focusin"] as const;

/** Files, not pages: the router must never fetch them as routes. */
const NOT_ROUTES = /^\/(?:feed\.xml|sitemap\.xml|sitemaps\/|robots\.txt|_next\/|images\/)/;

/** The site path a link leads to, when it is one the client router can prefetch. */
function routeOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const link = target.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return null;
  if (link.origin !== window.location.origin || NOT_ROUTES.test(link.pathname)) return null;
  if (link.pathname === window.location.pathname && link.search === window.location.search) return null;
  return link.pathname + link.search;
}

/**
 * Prefetches a site link once the reader shows they may follow it: the pointer rests on it, it gets focus, or a
 * finger touches it. One listener for the whole page instead of an observer per link (see `SiteLink`).
 */
export function PrefetchOnIntent() {
  const router = useRouter();
  useEffect(() => {
    const prefetched = new Set<string>();
    const onIntent = (event: Event): void => {
      const route = routeOf(event.target);
      if (route === null || prefetched.has(route)) return;
      prefetched.add(route);
      router.prefetch(route);
    };
    const options = { passive: true, capture: true };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, options);
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent, options);
    };
  }, [router]);
  return null;
}
