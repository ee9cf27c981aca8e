/** The elements the steps after DOMPurify work on, in document order. */
export interface FoundElements {
  /** h1–h4; an h1 is promoted to h2 because the article title is the page's only <h1>. */
  headings: Element[];
  images: Element[];
  /** Links not inside another link. */
  links: Element[];
  /** Links inside another link. */
  nestedLinks: Element[];
  tables: Element[];
  withAttributes: Element[];
}

const HEADING_TAGS = new Set(["H1", "H2", "H3", "H4"]);

/**
 * One walk over the sanitized tree instead of a lookup per tag: jsdom's live
 * collections (getElementsByTagName) re-walk the tree for each lookup and pay
 * a proxy call per element read, which cost more than DOMPurify itself. Not
 * querySelectorAll either: jsdom's selector engine keeps every element it ever
 * matched alive (measured: ~0.5 MB per seed-sized body, never collected).
 * Recursion is bounded: process-file rejects bodies nested deeper than MAX_MARKUP_DEPTH.
 */
export function collectElements(container: Element): FoundElements {
  const found: FoundElements = { headings: [], images: [], links: [], nestedLinks: [], tables: [], withAttributes: [] };
  const visit = (element: Element, insideLink: boolean): void => {
    const tag = element.tagName;
    let childrenInsideLink = insideLink;
    if (tag === "A") {
      (insideLink ? found.nestedLinks : found.links).push(element);
      childrenInsideLink = true;
    } else if (HEADING_TAGS.has(tag)) found.headings.push(element);
    else if (tag === "IMG") found.images.push(element);
    else if (tag === "TABLE") found.tables.push(element);
    if (element.hasAttributes()) found.withAttributes.push(element);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) visit(child, childrenInsideLink);
  };
  for (let child = container.firstElementChild; child; child = child.nextElementSibling) visit(child, false);
  return found;
}
