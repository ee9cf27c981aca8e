"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { prefetchArticleParts } from "@/components/article/article-parts-loader";
import { articleSlugOf, FEED_PATH, LIST_FEEDS, SITEMAP_FILES, SITEMAP_INDEX_PATH } from "@/lib/site/urls";

/** A pointer resting on a link (a finger's tap sends one too, before the click) or focus reaching it. */
const INTENT_EVENTS = ["pointerover", "focusin"] as const;

/** Files and endpoints, not pages: the router must never fetch them as routes. */
const FILE_PATHS = new Set([FEED_PATH, SITEMAP_INDEX_PATH, "/robots.txt"]);
const FILE_FOLDERS = [`${LIST_FEEDS}/`, `${SITEMAP_FILES}/`, "/_next/", "/images/", "/api/"];

function isFilePath(pathname: string): boolean {
  return FILE_PATHS.has(pathname) || FILE_FOLDERS.some((folder) => pathname.startsWith(folder));
}

/** The link an event happened on, when it leads to another page of the site that the client router can show. */
function routeLinkOf(target: EventTarget | null): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  const link = target.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return null;
  if (link.target !== "" && link.target !== "_self") return null;
  if (link.origin !== window.location.origin || isFilePath(link.pathname)) return null;
  // The same page (a table of contents entry, a footnote): the browser scrolls to the fragment by itself.
  if (link.pathname === window.location.pathname && link.search === window.location.search) return null;
  return link;
}

/** A plain click of the main button: not one that asks for a new tab or window, or a download. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The client side of every site link (`SiteLink`, and plain links the server rendered inside islands, such as
 * the entity cards): one set of listeners for the whole page instead of a component per link. It prefetches a
 * page once the reader shows they may follow the link — the pointer rests on it, it gets focus, or a finger
 * touches it — with, for an article, its body and entity cards; and it follows a plain click through the client
 * router, as next/link would: no new document, the header and islands stay, the scroll goes to the top.
 *
 * Until this has run (before hydration, or without JavaScript) a click loads the page the usual way.
 */
export function ClientNavigation() {
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
    // Bubbling, and registered after React's own listener on the document: a component that handled the click
    // (and prevented its default) is left alone.
    const onClick = (event: MouseEvent): void => {
      if (event.defaultPrevented || !isPlainClick(event)) return;
      const link = routeLinkOf(event.target);
      if (!link) return;
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    };
    const intentOptions = { passive: true, capture: true };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, intentOptions);
    document.addEventListener("click", onClick);
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent, intentOptions);
      document.removeEventListener("click", onClick);
    };
  }, [router]);
  return null;
}
