import { currentStore } from "@/lib/store/read-store";

// Read from the store on each request. An article's parts change only with a new build, which is a new
// deployment whose caches start empty: the same policy as the search answers.
export const dynamic = "force-dynamic";

/**
 * `GET /api/article-parts?slug=…`: `{ html, entities }`, the article's sanitized body and its entity cards, for
 * the islands of a page entered by client navigation (its inline data does not carry them:
 * components/article/article-parts-source.ts). The slug is a query parameter, not a path segment, so that no
 * spelling of it can fail to decode before it is looked up.
 */
export function GET(request: Request): Response {
  const slug = new URL(request.url).searchParams.get("slug") ?? "";
  const parts = slug === "" ? null : currentStore().articleParts(slug);
  if (parts === null) return Response.json({ error: "no such article" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(parts, { headers: { "Cache-Control": "public, max-age=60, s-maxage=600" } });
}
