import GithubSlugger from "github-slugger";
import type { TocHeading } from "../../store/model";
import { collapseWhitespace } from "../text";

/** Ids the page itself uses; a heading named like one of them gets a suffix instead. */
const RESERVED_IDS = ["main", "content", "toc", "top", "header", "footer", "site-header", "main-content", "entity-cards", "entity-cards-title", "entity-popover", "entity-popover-title", "header-categories"];

/** The article title is the page's only <h1>: a body's h1 becomes an h2, keeping its attributes and content. */
export function promoteToH2(h1: Element): Element {
  const replacement = h1.ownerDocument.createElement("h2");
  for (const attribute of Array.from(h1.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...Array.from(h1.childNodes));
  h1.replaceWith(replacement);
  return replacement;
}

/**
 * Gives every heading with text a unique id and a `#` anchor link, and returns them as the table of contents:
 * ids and TOC come from one slugger, once, so they cannot disagree.
 */
export function assignHeadingIds(candidates: Element[]): TocHeading[] {
  const slugger = new GithubSlugger();
  for (const reserved of RESERVED_IDS) slugger.slug(reserved);
  const headings: TocHeading[] = [];
  for (const heading of candidates) {
    const text = collapseWhitespace(heading.textContent ?? "");
    if (text === "") continue;
    const id = headingId(slugger, text);
    heading.setAttribute("id", id);
    const anchor = heading.ownerDocument.createElement("a");
    anchor.setAttribute("class", "heading-anchor");
    anchor.setAttribute("href", `#${encodeURIComponent(id)}`);
    anchor.setAttribute("aria-label", `本节链接：${text}`);
    anchor.textContent = "#";
    heading.append(anchor);
    const depth = heading.tagName === "H2" ? 2 : heading.tagName === "H3" ? 3 : 4;
    headings.push({ id, text, depth });
  }
  return headings;
}

/**
 * A heading's id, unique within the body. A heading of punctuation only slugs to nothing; "section" goes through
 * the slugger so it stays unique. An id starting with "_" or "-" gets the same prefix: `__next_f`,
 * `__webpack_require__` and friends are globals the framework reads before setting them, and an element with
 * that id would stand in for them.
 */
function headingId(slugger: GithubSlugger, text: string): string {
  const slugged = slugger.slug(text);
  if (!/[\p{L}\p{N}]/u.test(slugged)) return slugger.slug("section");
  return /^[\p{L}\p{N}]/u.test(slugged) ? slugged : slugger.slug(`section-${slugged}`);
}
