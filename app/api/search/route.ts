import { formatDate } from "@/lib/site/dates";
import { urls } from "@/lib/site/urls";
import { RESULTS_PER_PAGE, type SearchAnswer, type SearchResultItem } from "@/lib/search/search-index-format";
import { MAX_QUERY_LENGTH, parseQuery } from "@/lib/search/search-terms";
import { snippetParts } from "@/lib/search/snippet";
import { currentStore } from "@/lib/store/read-store";

// Answered from the store's search index on each request; the answers are small and the same for every reader,
// so shared caches may keep them for a while (a new build is a new deployment, whose caches start empty).
export const dynamic = "force-dynamic";

/** The deepest result a reader can page to: "more" ten at a time, a hundred times. */
const MAX_FROM = 100 * RESULTS_PER_PAGE;

function json(body: SearchAnswer | { error: string }, status: number, cacheControl: string): Response {
  return Response.json(body, { status, headers: { "Cache-Control": cacheControl } });
}

/** `GET /api/search?q=…&category=…&from=…`: one page of results (`SearchAnswer`), for the search page. */
export function GET(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const category = params.get("category") ?? "";
  const fromText = params.get("from") ?? "0";
  const from = /^\d{1,5}$/.test(fromText) ? Number(fromText) : -1;
  if (from < 0 || from > MAX_FROM) return json({ error: `from must be a whole number from 0 to ${MAX_FROM}` }, 400, "no-store");
  const store = currentStore();
  const index = store.searchIndex();
  if (!index) return json({ error: "this site has no search index" }, 404, "no-store");
  const parsed = parseQuery(query);
  const matches = index.search(parsed, category, from);
  const results = matches.ids.flatMap((id): SearchResultItem[] => {
    const summary = store.summary(id);
    if (!summary) return [];
    return [
      {
        url: urls.article(summary.slug),
        title: summary.title,
        titleBreaks: summary.titleBreaks,
        category: summary.categories[0]?.names.join(" / ") ?? "",
        author: summary.author?.name ?? "",
        date: summary.date,
        dateText: formatDate(summary.date),
        snippet: snippetParts(index.bodyText(id), parsed.highlightTerms),
      },
    ];
  });
  const answer: SearchAnswer = { total: matches.total, categoryCounts: matches.categoryCounts, words: parsed.highlightTerms, results };
  return json(answer, 200, "public, max-age=60, s-maxage=600");
}
