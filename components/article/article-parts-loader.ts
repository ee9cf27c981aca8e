import { urls } from "@/lib/site/urls";
import { isArticleParts, type ArticleParts } from "./article-parts";

/**
 * Article parts (body and entity cards) fetched in the browser, for pages entered by client navigation, whose
 * inline data does not carry them (article-parts-source.ts). Kept per slug so that a prefetch on intent
 * (`ClientNavigation`), the two islands of one page and going back to an article cost one request; a few only,
 * since each is a whole article.
 */
const KEPT_ARTICLES = 8;

interface PendingParts {
  promise: Promise<ArticleParts>;
  /** Set once the parts have arrived, so a render can use them at once instead of showing "loading" for a frame. */
  parts?: ArticleParts;
}

const kept = new Map<string, PendingParts>();

async function fetchArticleParts(slug: string): Promise<ArticleParts> {
  const response = await fetch(urls.articleParts(slug));
  if (!response.ok) throw new Error(`article parts: HTTP ${response.status}`);
  const answer: unknown = await response.json();
  if (!isArticleParts(answer)) throw new Error("article parts: the answer is not an article's parts");
  return answer;
}

/** The parts of `slug`: fetched once, then shared. A failed fetch is forgotten, so the next call tries again. */
export function loadArticleParts(slug: string): Promise<ArticleParts> {
  const known = kept.get(slug);
  if (known) return known.promise;
  const pending: PendingParts = {
    promise: fetchArticleParts(slug).then(
      (parts) => {
        pending.parts = parts;
        return parts;
      },
      (error: unknown) => {
        if (kept.get(slug) === pending) kept.delete(slug);
        throw error;
      },
    ),
  };
  kept.set(slug, pending);
  for (const oldest of kept.keys()) {
    if (kept.size <= KEPT_ARTICLES) break;
    kept.delete(oldest);
  }
  return pending.promise;
}

/** The parts of `slug` if they have arrived already, else null. */
export function arrivedArticleParts(slug: string): ArticleParts | null {
  return kept.get(slug)?.parts ?? null;
}

/** Starts fetching the parts of `slug` before the reader follows a link to it; failures are left to the page. */
export function prefetchArticleParts(slug: string): void {
  loadArticleParts(slug).catch(() => undefined);
}
