import DOMPurify from "isomorphic-dompurify";
import GithubSlugger from "github-slugger";
import { escapeRawMarkupInCodeBlocks } from "./escape-code-blocks";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URI, ENTITY_ATTRIBUTES, SOURCE_CHROME_CLASSES } from "./sanitize-policy";
import type { EntityRef, SanitizedBody, TocHeading } from "./types";
import { collapseWhitespace, countReadingUnits, decodeCharacterReferences } from "./text";

/** Ids the page itself uses; a heading named like one of them gets a suffix instead. */
const RESERVED_IDS = ["main", "content", "toc", "top", "header", "footer", "site-header", "main-content", "entity-cards", "entity-cards-title", "entity-popover", "entity-popover-title"];

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "body" || !isElement(node)) return;
    if (SOURCE_CHROME_CLASSES.some((name) => node.classList.contains(name))) node.remove();
  });
  DOMPurify.addHook("uponSanitizeAttribute", (node, data) => {
    // DOMPurify lets data: URIs through on <img src>; our policy allows none.
    if ((data.attrName === "src" || data.attrName === "href") && /^data:/i.test(data.attrValue.replace(/[\s\u0000-\u0020]/g, ""))) {
      data.keepAttr = false;
      return;
    }
    const isEntityLink = node.nodeName === "A" && /(?:^|\s)project-link(?:\s|$)/.test(node.getAttribute("class") ?? "");
    if (data.attrName === "class") {
      // Only the entity marker survives; source sites' classes would pull in styles we do not ship.
      if (isEntityLink) data.attrValue = "project-link";
      else data.keepAttr = false;
    } else if (ENTITY_ATTRIBUTES.has(data.attrName) && !isEntityLink) {
      data.keepAttr = false;
    }
  });
}

const PURIFY_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Entity names may contain a colon ("Apple: Inc"); they are text, not URLs. data-logo is checked in readEntity.
  ADD_URI_SAFE_ATTR: Array.from(ENTITY_ATTRIBUTES),
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
} as const;

export interface SanitizeOptions {
  /** The site's origin; links elsewhere open in a new tab. */
  siteOrigin: string;
}

/**
 * Sanitizes one article body with our policy and derives, from the same DOM,
 * the heading ids, the table of contents and the entity links. Runs at build time only.
 */
export function sanitizeBody(rawHtml: string, options: SanitizeOptions): SanitizedBody {
  installHooks();
  const fragment = DOMPurify.sanitize(escapeRawMarkupInCodeBlocks(rawHtml), PURIFY_CONFIG);
  const document = fragment.ownerDocument;
  const container = document.createElement("div");
  container.append(fragment);

  const found = collectElements(container);
  unwrapNestedLinks(found.nestedLinks);
  const headings = assignHeadingIds(found.headings.map((heading) => (heading.tagName === "H1" ? promoteToH2(heading) : heading)));
  decorateImages(found.images);
  const entities = rewriteLinks(found.links, options.siteOrigin);
  removeStrayEntityAttributes(found.withAttributes);
  wrapTables(found.tables);

  const html = container.innerHTML.trim();
  const text = collapseWhitespace(plainTextOf(html));
  const units = countReadingUnits(text);
  return {
    html,
    headings,
    entities,
    textStart: text.slice(0, 400),
    hanCount: units.han,
    latinWordCount: units.latinWords,
  };
}

/** The elements the post-processing steps need, in document order. */
interface FoundElements {
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
function collectElements(container: Element): FoundElements {
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

/**
 * The parser can build a link inside a link (`<a><table><a>`), which no serialization reproduces: a browser
 * re-parsing our output would build a different tree. Keep the outer link and the inner one's content.
 */
function unwrapNestedLinks(nestedLinks: Element[]): void {
  for (const nested of nestedLinks) nested.replaceWith(...Array.from(nested.childNodes));
}

function promoteToH2(h1: Element): Element {
  const replacement = h1.ownerDocument.createElement("h2");
  for (const attribute of Array.from(h1.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...Array.from(h1.childNodes));
  h1.replaceWith(replacement);
  return replacement;
}

function assignHeadingIds(candidates: Element[]): TocHeading[] {
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

function decorateImages(images: Element[]): void {
  for (const image of images) {
    if (!image.getAttribute("src")) {
      image.remove();
      continue;
    }
    // Image hosts in this corpus refuse requests that carry another site's Referer.
    image.setAttribute("referrerpolicy", "no-referrer");
    image.setAttribute("loading", "lazy");
    image.setAttribute("decoding", "async");
    for (const dimension of ["width", "height"]) {
      const value = image.getAttribute(dimension);
      if (value !== null && !/^\d{1,5}$/.test(value.trim())) image.removeAttribute(dimension);
    }
  }
}

const OSCHINA_REDIRECT = /^https?:\/\/(?:www\.)?oschina\.net\/action\/GoToLink\?url=([^&#]+)/i;

function rewriteLinks(links: Element[], siteOrigin: string): EntityRef[] {
  const entities: EntityRef[] = [];
  for (const link of links) {
    if (!link.hasAttribute("href")) {
      link.removeAttribute("target");
      link.removeAttribute("class");
      continue;
    }
    let href = link.getAttribute("href") ?? "";
    const redirected = unwrapRedirect(href);
    if (redirected) {
      href = redirected;
      link.setAttribute("href", href);
    }
    if (isExternal(href, siteOrigin)) {
      link.setAttribute("target", "_blank");
      link.setAttribute("rel", "noopener noreferrer");
    } else {
      link.removeAttribute("target");
    }
    if (link.getAttribute("class") === "project-link") {
      const entity = readEntity(link, href);
      if (entity) {
        entities.push(entity);
        link.setAttribute("data-entity", entity.key);
      } else {
        link.removeAttribute("class");
      }
    }
  }
  return entities;
}

/** Entity attributes survive only on the entity links that became cards. */
function removeStrayEntityAttributes(elements: Element[]): void {
  for (const element of elements) {
    if (element.getAttribute("data-entity") === null) for (const attribute of ENTITY_ATTRIBUTES) element.removeAttribute(attribute);
  }
}

function unwrapRedirect(href: string): string | null {
  const match = href.match(OSCHINA_REDIRECT);
  if (!match?.[1]) return null;
  try {
    const target = decodeURIComponent(match[1]);
    return /^https?:\/\//i.test(target) ? target : null;
  } catch {
    return null;
  }
}

function isExternal(href: string, siteOrigin: string): boolean {
  if (!/^(?:https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href, siteOrigin).origin !== new URL(siteOrigin).origin;
  } catch {
    return true;
  }
}

function readEntity(link: Element, href: string): EntityRef | null {
  const id = (link.getAttribute("data-id") ?? "").trim();
  const name = collapseWhitespace(link.getAttribute("data-name") ?? "") || collapseWhitespace(link.textContent ?? "");
  if (name === "") return null;
  const referType = (link.getAttribute("data-refer-type") ?? "").trim();
  const logo = (link.getAttribute("data-logo") ?? "").trim();
  const safeLogo = /^https:\/\/[^\s"'<>]+$/i.test(logo) || /^http:\/\/[^\s"'<>]+$/i.test(logo) ? logo : null;
  if (!safeLogo) link.removeAttribute("data-logo");
  const key = id !== "" && /^[\w-]{1,64}$/.test(id) ? `${referType || "0"}-${id}` : `n-${name}`;
  return { key, id, name, logo: safeLogo, referType, href: /^https?:\/\//i.test(href) ? href : "" };
}

function wrapTables(tables: Element[]): void {
  // Wide tables scroll inside their own box instead of widening the page on phones.
  for (const table of tables) {
    const wrapper = table.ownerDocument.createElement("div");
    wrapper.setAttribute("class", "table-scroll");
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
}

/**
 * Plain text of the finished HTML, with blocks separated by spaces. Done on the
 * string: walking a cloned jsdom tree cost more than the sanitizing itself.
 */
function plainTextOf(html: string): string {
  const withoutAnchors = html.replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, "");
  const blocksSpaced = withoutAnchors.replace(/<\/(?:p|li|h[1-6]|pre|blockquote|td|th|div|figcaption|tr|dt|dd)>|<br\s*\/?>/gi, " ");
  return decodeCharacterReferences(blocksSpaced.replace(/<[^>]*>/g, ""));
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
