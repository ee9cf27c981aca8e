"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { SEARCH_TIMING, type SearchResultItem } from "@/lib/search/search-index-format";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { fetchSearchAnswer } from "./search-client";
import { SearchResult } from "./search-result";

/** Typing pauses this long before a search runs. */
const TYPING_PAUSE_MS = 180;

/** The URL's query: `/search?q=…&category=…`, so a search can be shared and the back button returns to it. */
interface SearchUrlState {
  query: string;
  category: string;
}

function readUrl(): SearchUrlState {
  const params = new URLSearchParams(window.location.search);
  return { query: params.get("q") ?? "", category: params.get("category") ?? "" };
}

function urlFor({ query, category }: SearchUrlState): string {
  const params = new URLSearchParams();
  if (query.trim() !== "") params.set("q", query.trim());
  if (category !== "") params.set("category", category);
  const search = params.toString();
  return `${window.location.pathname}${search ? `?${search}` : ""}`;
}

type Outcome =
  | { status: "idle" }
  | { status: "searching"; query: string }
  | { status: "failed"; query: string }
  | { status: "done"; query: string; category: string; words: string[]; total: number; results: SearchResultItem[]; counts: Record<string, number> };

/**
 * The search page's form and results. Rendered on the server too, where the form is a plain GET form; in the
 * browser it searches as the reader types and keeps the query in the URL.
 */
export function SearchPage({ categories }: { categories: string[] }) {
  const [state, setState] = useState<SearchUrlState>({ query: "", category: "" });
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  // A failed "more" (the connection gone) keeps the results and the button, and says so; a click tries again.
  const [moreFailed, setMoreFailed] = useState(false);
  const firstNewResult = useRef<number | null>(null);
  const resultsRef = useRef<HTMLOListElement>(null);
  const run = useRef(0);
  const searchStarted = useRef<number | null>(null);
  const inputId = useId();
  const categoryId = useId();

  // The URL is the state: read on arrival and whenever the reader goes back or forward.
  useEffect(() => {
    const fromUrl = (): void => setState(readUrl());
    fromUrl();
    window.addEventListener("popstate", fromUrl);
    return () => window.removeEventListener("popstate", fromUrl);
  }, []);

  useEffect(() => {
    const query = state.query.trim();
    const { category } = state;
    const ticket = ++run.current;
    const timer = window.setTimeout(async () => {
      searchStarted.current = performance.now();
      if (query === "") {
        setOutcome({ status: "idle" });
        return;
      }
      // Results stay on screen while the next ones load; "searching" shows only when there are none yet.
      setOutcome((previous) => (previous.status === "done" ? previous : { status: "searching", query }));
      try {
        const answer = await fetchSearchAnswer(query, category, 0);
        if (ticket !== run.current) return;
        setOutcome({ status: "done", query, category, words: answer.words, total: answer.total, results: answer.results, counts: answer.categoryCounts });
        setMoreFailed(false);
      } catch {
        if (ticket === run.current) setOutcome({ status: "failed", query });
      }
    }, query === "" ? 0 : TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  // How long a search took, from the pause in typing to its results on screen, as a User Timing entry
  // ("yuedu-search") that `npm run bench` and the browser's performance panel read.
  useEffect(() => {
    const started = searchStarted.current;
    if (started === null || outcome.status !== "done") return;
    searchStarted.current = null;
    performance.measure(SEARCH_TIMING, { start: started, end: performance.now(), detail: { query: outcome.query, results: outcome.total } });
  }, [outcome]);

  // After "more", the first new result takes the focus, so a keyboard reader goes on from where the list grew.
  useEffect(() => {
    const at = firstNewResult.current;
    if (at === null || outcome.status !== "done" || outcome.results.length <= at) return;
    firstNewResult.current = null;
    resultsRef.current?.querySelectorAll<HTMLAnchorElement>("h2 a")[at]?.focus();
  }, [outcome]);

  // Typing makes one history entry, which the following keystrokes update; Enter (or a new filter) closes it, so
  // Back goes from one search to the one before, not keystroke by keystroke.
  const typingEntry = useRef(false);
  const change = useCallback((next: SearchUrlState, how: "typing" | "submit"): void => {
    setState(next);
    const url = urlFor(next);
    if (how === "typing" && typingEntry.current) window.history.replaceState(null, "", url);
    else if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", url);
    typingEntry.current = how === "typing";
  }, []);

  const showMore = async (): Promise<void> => {
    if (outcome.status !== "done") return;
    const from = outcome.results.length;
    setMoreFailed(false);
    try {
      const answer = await fetchSearchAnswer(outcome.query, outcome.category, from);
      firstNewResult.current = from;
      // An answer with nothing more (the index changed under a long-open page) ends the list where it is.
      const total = answer.results.length > 0 ? outcome.total : from;
      setOutcome({ ...outcome, total, results: [...outcome.results, ...answer.results] });
    } catch {
      setMoreFailed(true);
    }
  };

  const left = outcome.status === "done" ? Math.max(0, outcome.total - outcome.results.length) : 0;
  return (
    <>
      <form
        role="search"
        aria-label={ui.searchArticles}
        action={urls.search()}
        method="get"
        className="flex flex-col gap-3 sm:flex-row"
        onSubmit={(event) => {
          event.preventDefault();
          change(state, "submit");
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          {ui.searchPlaceholder}
        </label>
        <input
          id={inputId}
          name="q"
          type="search"
          value={state.query}
          onChange={(event) => change({ ...state, query: event.target.value }, "typing")}
          placeholder={ui.searchPlaceholder}
          autoComplete="off"
          enterKeyHint="search"
          className="search-input w-full text-base sm:w-auto sm:min-w-0 sm:flex-1"
        />
        <div className="flex gap-3">
          <label htmlFor={categoryId} className="sr-only">
            {ui.searchCategoryFilter}
          </label>
          <select
            id={categoryId}
            name="category"
            value={state.category}
            onChange={(event) => change({ ...state, category: event.target.value }, "submit")}
            className="search-select min-w-0 flex-1 sm:flex-none"
          >
            <option value="">{ui.searchAllCategories}</option>
            {categories.map((name) => (
              <option key={name} value={name}>
                {ui.searchCategoryOption(name, outcome.status === "done" && outcome.words.length > 0 ? (outcome.counts[name] ?? 0) : null)}
              </option>
            ))}
          </select>
          <button type="submit" className="search-button shrink-0">
            {ui.searchSubmit}
          </button>
        </div>
      </form>
      <div aria-live="polite" data-search-status={outcome.status === "done" ? (outcome.total > 0 ? "found" : "nothing") : outcome.status} className="mt-6 text-[15px] text-ink-meta">
        {outcome.status === "idle" ? <p>{ui.searchPrompt}</p> : null}
        {outcome.status === "searching" ? <p>{ui.searchLoading}</p> : null}
        {outcome.status === "failed" ? <p role="alert">{ui.searchFailed}</p> : null}
        {outcome.status === "done" ? <p>{outcome.total > 0 ? ui.searchFound(outcome.total, outcome.query) : ui.searchNothing(outcome.query)}</p> : null}
      </div>
      {outcome.status === "done" && outcome.results.length > 0 ? (
        <ol ref={resultsRef} className="mt-2 divide-y divide-line" data-search-results="">
          {outcome.results.map((hit) => (
            <li key={hit.url}>
              <SearchResult hit={hit} words={outcome.words} />
            </li>
          ))}
        </ol>
      ) : null}
      {left > 0 && moreFailed ? (
        <p role="alert" className="mt-4 text-[15px] text-ink-meta">
          {ui.searchMoreFailed}
        </p>
      ) : null}
      {left > 0 ? (
        <button type="button" data-search-more="" onClick={() => void showMore()} className="search-more mt-4 w-full">
          {ui.searchMore(left)}
        </button>
      ) : null}
    </>
  );
}
