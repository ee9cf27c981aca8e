import { Fragment } from "react";
import { TitleText } from "@/components/article/title-text";
import { SiteLink } from "@/components/navigation/site-link";
import type { SearchResultItem } from "@/lib/search/search-index-format";
import { snippetParts, type SnippetPart } from "@/lib/search/snippet";

/** Text with the query's words marked; where `breaks` are given (a title's), a `<wbr>` between two words. */
function Highlighted({ parts, breaks = [] }: { parts: SnippetPart[]; breaks?: readonly number[] }) {
  let offset = 0;
  return parts.map((part, at) => {
    const start = offset;
    offset += part.text.length;
    const inside = breaks.filter((point) => point > start && point < offset).map((point) => point - start);
    const text = inside.length > 0 ? <TitleText title={part.text} breaks={inside} /> : part.text;
    return (
      <Fragment key={at}>
        {at > 0 && breaks.includes(start) ? <wbr /> : null}
        {part.highlighted ? <mark>{text}</mark> : text}
      </Fragment>
    );
  });
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
      <h2 className="title-words text-lg leading-snug font-semibold text-ink">
        <SiteLink href={hit.url} className="hover:text-link">
          <Highlighted parts={snippetParts(hit.title, words, hit.title.length)} breaks={hit.titleBreaks} />
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
