import { SEARCH_API_URL, type SearchAnswer, type SearchResultItem } from "@/lib/search/search-index-format";
import type { SnippetPart } from "@/lib/search/snippet";
import { isIntegerArray, isRecord } from "@/lib/util/is-record";

function isSnippetPart(value: unknown): value is SnippetPart {
  return isRecord(value) && typeof value.text === "string" && typeof value.highlighted === "boolean";
}

function isResult(value: unknown): value is SearchResultItem {
  return (
    isRecord(value) &&
    ["url", "title", "category", "author", "date", "dateText"].every((name) => typeof value[name] === "string") &&
    isIntegerArray(value.titleBreaks) &&
    Array.isArray(value.snippet) &&
    value.snippet.every(isSnippetPart)
  );
}

function isAnswer(value: unknown): value is SearchAnswer {
  return (
    isRecord(value) &&
    typeof value.total === "number" &&
    isRecord(value.categoryCounts) &&
    Object.values(value.categoryCounts).every((count) => typeof count === "number") &&
    Array.isArray(value.words) &&
    value.words.every((word) => typeof word === "string") &&
    Array.isArray(value.results) &&
    value.results.every(isResult)
  );
}

/**
 * One page of results for `query` (within a top-level category when given), from the `from`th on, as the server
 * ranks them (`app/api/search/route.ts`). Throws when the answer does not come or is not one.
 */
export async function fetchSearchAnswer(query: string, category: string, from: number): Promise<SearchAnswer> {
  const params = new URLSearchParams({ q: query });
  if (category !== "") params.set("category", category);
  if (from > 0) params.set("from", String(from));
  const response = await fetch(`${SEARCH_API_URL}?${params.toString()}`);
  if (!response.ok) throw new Error(`search: HTTP ${response.status}`);
  const answer: unknown = await response.json();
  if (!isAnswer(answer)) throw new Error("search: the answer is not a search answer");
  return answer;
}
