import { SiteLink } from "@/components/navigation/site-link";
import { ui } from "@/lib/site/ui-text";

/**
 * Previous/next links plus a compact list of page numbers; works without JavaScript. Article lists are newest
 * first, so their previous and next pages are “newer” and “older”.
 */
export function Pagination({
  page,
  totalPages,
  hrefFor,
  labels = { previous: ui.newer, next: ui.older },
}: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  labels?: { previous: string; next: string };
}) {
  if (totalPages <= 1) return null;
  const numbers = visiblePages(page, totalPages);
  const linkClass =
    "inline-flex min-w-10 items-center justify-center rounded-md border border-line px-3 py-2 text-sm hover:border-accent-500 hover:text-link";
  return (
    <nav aria-label={ui.pagination} className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? <SiteLink rel="prev" href={hrefFor(page - 1)} className={linkClass}>← {labels.previous}</SiteLink> : null}
      {numbers.map((number, position) =>
        number === null ? (
          <span key={`gap-${position}`} aria-hidden="true" className="px-1 text-ink-meta">…</span>
        ) : number === page ? (
          <span key={number} aria-current="page" className={`${linkClass} border-accent-600 bg-accent-600 text-white hover:text-white`}>
            {number}
          </span>
        ) : (
          <SiteLink key={number} href={hrefFor(number)} className={linkClass} aria-label={ui.pageN(number)}>
            {number}
          </SiteLink>
        ),
      )}
      {page < totalPages ? <SiteLink rel="next" href={hrefFor(page + 1)} className={linkClass}>{labels.next} →</SiteLink> : null}
    </nav>
  );
}

function visiblePages(page: number, total: number): (number | null)[] {
  const wanted = new Set([1, total, page - 1, page, page + 1].filter((number) => number >= 1 && number <= total));
  const sorted = Array.from(wanted).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((number, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && number - previous > 1) result.push(null);
    result.push(number);
  });
  return result;
}
