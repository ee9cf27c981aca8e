import { isArticleParts, type ArticleParts } from "./article-parts";

/**
 * How an article's body and entity cards reach the HTML render of their islands without travelling in the
 * page's inline data.
 *
 * Next renders a page on the server in two passes, in one process: the server components, whose output is
 * serialized into the page as inline data (for hydration and client navigation), then the HTML from that data.
 * Markup rendered by a server component is therefore sent twice: measured on the seed article, the second copy
 * of the body was 6.6 KB and that of its 17 entity cards 1.8 KB of the page's 27.8 KB of gzip HTML. Instead, the
 * server component registers a reader of the store here, and the islands (article-body.client.tsx,
 * entity-card-list.client.tsx), rendering to HTML, read the parts by slug. The two passes load separate copies
 * of this module (one per bundle layer), so the reader is kept on `globalThis` under a registered symbol.
 */

/** Returns the parts of the article `slug`, or null when there is no such article. */
export type ArticlePartsReader = (slug: string) => ArticleParts | null;

const READER_KEY = Symbol.for("yuedu.articlePartsReader");

/** Called by the server component that renders the islands, before any HTML render can ask. */
export function provideArticleParts(reader: ArticlePartsReader): void {
  Reflect.set(globalThis, READER_KEY, reader);
}

/**
 * The parts of `slug`, for the server-side HTML render of the islands. Throws rather than render an article
 * without its text: a reader without JavaScript would get an empty page and nobody would be told.
 */
export function articlePartsForServerRender(slug: string): ArticleParts {
  const reader: unknown = Reflect.get(globalThis, READER_KEY);
  if (typeof reader !== "function") throw new Error("article parts: no reader registered (components/article/article-body.tsx was not loaded)");
  const parts: unknown = reader(slug);
  if (!isArticleParts(parts)) throw new Error(`article parts: the store has no article "${slug}"`);
  return parts;
}

