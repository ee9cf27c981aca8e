import { currentStore } from "@/lib/store/read-store";

// Read from the store on each request. The body of a slug changes only with a new build, which is a new
// deployment whose caches start empty: the same policy as the search answers.
export const dynamic = "force-dynamic";

/**
 * `GET /api/article-body?slug=…`: `{ html }`, the article's sanitized body, for the body island after a client
 * navigation (the page's inline data does not carry it: components/article/article-body-source.ts). The slug is
 * a query parameter, not a path segment, so that no spelling of it can fail to decode before it is looked up.
 */
export function GET(request: Request): Response {
  const slug = new URL(request.url).searchParams.get("slug") ?? "";
  const html = slug === "" ? null : currentStore().bodyHtml(slug);
  if (html === null) return Response.json({ error: "no such article" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json({ html }, { headers: { "Cache-Control": "public, max-age=60, s-maxage=600" } });
}
