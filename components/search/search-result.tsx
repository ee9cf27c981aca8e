import { SiteLink } from "@/components/navigation/site-link";
import type { SearchResultItem } from "@/lib/search/search-index-format";
import { snippetParts, type SnippetPart } from "@/lib/search/snippet";

function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, at) => (part.highlighted ? <mark key={at}>{part.text}</mark> : part.text));
}

/** One search result, in the list design of the site: category path, title, the words found in context, byline. */
export function SearchResult({ hit, words }: { hit: SearchResultItem; words: string[] }) {
  return (
    <article className="py-5">
      {hit.category ? (
        <p className="mb-1 truncate text-[13px] text-ink-meta">
          <Highlighted parts={snippetParts(hit.category, words, hit.category.length)} />
        </p>
      ) : null}
      <h2 className="text-lg leading-snug font-semibold text-ink">
        <SiteLink href={hit.url} className="hover:text-link">
          <Highlighted parts={snippetParts(hit.title, words, hit.title.length)} />
        </SiteLink>
      </h2>
      <p className="search-snippet mt-1.5 text-[15px] leading-relaxed text-ink-muted">
        <Highlighted parts={hit.snippet} />
      </p>
      <p className="mt-2 flex flex-wrap gap-x-3 text-[13px] text-ink-meta">
        {hit.author ? <span className="font-medium text-ink-soft">{hit.author}</span> : null}
        {hit.date ? <time dateTime={hit.date}>{hit.dateText}</time> : null}
      </p>
    </article>
  );
}
