/**
 * How the article body reaches the HTML render of its island without travelling in the page's inline data.
 *
 * Next renders a page on the server in two passes, in one process: the server components, whose output is
 * serialized into the page as inline data (for hydration and client navigation), then the HTML from that data.
 * A body passed to the island as a prop is therefore sent twice: measured on the seed article, the second copy
 * was 6.6 KB of its 27.8 KB of gzip HTML. Instead, the server component registers a reader of the store here,
 * and the island, rendering to HTML, reads the body by slug. The two passes load separate copies of this module
 * (one per bundle layer), so the reader is kept on `globalThis` under a registered symbol.
 */

/** Returns the sanitized body HTML of the article `slug`, or null when there is no such article. */
export type ArticleBodyReader = (slug: string) => string | null;

const READER_KEY = Symbol.for("yuedu.articleBodyReader");

/** Called by the server component that renders the island, before any HTML render can ask. */
export function provideArticleBodies(reader: ArticleBodyReader): void {
  Reflect.set(globalThis, READER_KEY, reader);
}

/**
 * The body of `slug`, for the server-side HTML render of the island. Throws rather than render an article
 * without its text: a reader without JavaScript would get an empty page and nobody would be told.
 */
export function articleBodyForServerRender(slug: string): string {
  const reader: unknown = Reflect.get(globalThis, READER_KEY);
  if (typeof reader !== "function") throw new Error("article body: no reader registered (components/article/article-body.tsx was not loaded)");
  const html: unknown = reader(slug);
  if (typeof html !== "string") throw new Error(`article body: the store has no body for "${slug}"`);
  return html;
}
