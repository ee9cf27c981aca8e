import { urls } from "@/lib/site/urls";
import { isRecord } from "@/lib/util/is-record";

/**
 * Article bodies fetched in the browser, for pages entered by client navigation, whose inline data does not
 * carry the body (article-body-source.ts). Kept per slug so that a prefetch on intent (`PrefetchOnIntent`) and
 * going back to an article cost no second request; a few only, since each is a whole article.
 */
const KEPT_BODIES = 8;

interface PendingBody {
  promise: Promise<string>;
  /** Set once the body has arrived, so a render can use it at once instead of showing "loading" for a frame. */
  html?: string;
}

const bodies = new Map<string, PendingBody>();

async function fetchArticleBody(slug: string): Promise<string> {
  const response = await fetch(urls.articleBody(slug));
  if (!response.ok) throw new Error(`article body: HTTP ${response.status}`);
  const answer: unknown = await response.json();
  if (!isRecord(answer) || typeof answer.html !== "string") throw new Error("article body: the answer has no html");
  return answer.html;
}

/** The body of `slug`: fetched once, then shared. A failed fetch is forgotten, so the next call tries again. */
export function loadArticleBody(slug: string): Promise<string> {
  const kept = bodies.get(slug);
  if (kept) return kept.promise;
  const pending: PendingBody = {
    promise: fetchArticleBody(slug).then(
      (html) => {
        pending.html = html;
        return html;
      },
      (error: unknown) => {
        if (bodies.get(slug) === pending) bodies.delete(slug);
        throw error;
      },
    ),
  };
  bodies.set(slug, pending);
  for (const oldest of bodies.keys()) {
    if (bodies.size <= KEPT_BODIES) break;
    bodies.delete(oldest);
  }
  return pending.promise;
}

/** The body of `slug` if it has arrived already, else null. */
export function arrivedArticleBody(slug: string): string | null {
  return bodies.get(slug)?.html ?? null;
}

/** Starts fetching the body of `slug` before the reader follows a link to it; failures are left to the page. */
export function prefetchArticleBody(slug: string): void {
  loadArticleBody(slug).catch(() => undefined);
}
