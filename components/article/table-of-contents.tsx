import type { TocHeading } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";

interface TocNode {
  heading: TocHeading;
  children: TocNode[];
}

/** Nests headings by level; a deeper heading without a parent at the level above hangs from the nearest shallower one. */
function nest(headings: TocHeading[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const heading of headings) {
    const node: TocNode = { heading, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.heading.depth ?? 0) >= heading.depth) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * Classes, not a style attribute: the Content-Security-Policy allows no inline styles. Headings go h2–h4.
 * The rest of a link's look is `.toc-link` in globals.css: the list is rendered twice per article.
 */
const INDENT_BY_LEVEL = ["pl-3", "pl-7", "pl-11"];

function TocList({ nodes, level }: { nodes: TocNode[]; level: number }) {
  return (
    <ol className={level === 0 ? "space-y-0.5" : "mt-0.5 space-y-0.5"}>
      {nodes.map(({ heading, children }) => (
        <li key={heading.id}>
          <a
            href={`#${encodeURIComponent(heading.id)}`}
            data-toc-target={heading.id}
            className={`toc-link ${INDENT_BY_LEVEL[Math.min(level, INDENT_BY_LEVEL.length - 1)]}`}
          >
            {heading.text}
          </a>
          {children.length > 0 ? <TocList nodes={children} level={level + 1} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** Minimum headings for a table of contents to be worth showing. */
export const TOC_MIN_HEADINGS = 2;

/**
 * Server-rendered table of contents, readable without JavaScript. Rendered
 * twice by the article page: a sticky sidebar on wide screens and a
 * collapsible 目录 near the top on phones; `toc-tracker.client.tsx` adds the
 * current-section highlight to both.
 */
export function TableOfContents({ headings, variant }: { headings: TocHeading[]; variant: "sidebar" | "inline" }) {
  if (headings.length < TOC_MIN_HEADINGS) return null;
  const list = <TocList nodes={nest(headings)} level={0} />;
  if (variant === "sidebar") {
    return (
      <nav aria-label={ui.toc} data-toc="sidebar" className="sticky top-[calc(var(--header-height)+1.5rem)] max-h-[calc(100dvh-var(--header-height)-3rem)] overflow-y-auto overscroll-contain pb-4 text-[14px]">
        <p className="mb-2 pl-3 text-xs font-semibold tracking-widest text-ink-meta uppercase">{ui.toc}</p>
        {list}
      </nav>
    );
  }
  return (
    <details data-toc="inline" className="group mt-6 rounded-lg border border-line bg-zinc-50/60 text-[15px] lg:hidden dark:bg-zinc-900/60">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 font-medium text-ink-body select-none [&::-webkit-details-marker]:hidden">
        <span>
          {ui.toc}
          <span className="ml-2 text-sm font-normal text-ink-meta">{headings.length}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </summary>
      <nav aria-label={ui.tocToggle} className="max-h-[60vh] overflow-y-auto border-t border-line px-1 py-2">
        {list}
      </nav>
    </details>
  );
}
