import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { SearchShortcut } from "./search-shortcut.client";

export const HEADER_SEARCH_INPUT_ID = "header-search";

function MagnifierIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-[18px]" fill="none" stroke="currentColor" strokeWidth="1.8">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's search box: a plain GET form to the search page, so it loads no script and works without any.
 * On a phone the header has no room for a box, and a button goes to the search page instead.
 */
export function HeaderSearch() {
  return (
    <>
      <form role="search" aria-label={ui.searchSite} action={urls.search()} method="get" className="relative hidden shrink-0 md:block">
        <label htmlFor={HEADER_SEARCH_INPUT_ID} className="sr-only">
          {ui.searchPlaceholder}
        </label>
        <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-ink-meta">
          <MagnifierIcon />
        </span>
        <input
          id={HEADER_SEARCH_INPUT_ID}
          name="q"
          type="search"
          placeholder={ui.searchPlaceholder}
          aria-keyshortcuts="/"
          title={ui.searchShortcutHint}
          autoComplete="off"
          enterKeyHint="search"
          className="search-input header-search-input w-44 pl-8 lg:w-56"
        />
      </form>
      <a href={urls.search()} aria-label={ui.search} className="icon-button md:hidden">
        <MagnifierIcon />
      </a>
      <SearchShortcut inputId={HEADER_SEARCH_INPUT_ID} searchPath={urls.search()} />
    </>
  );
}
