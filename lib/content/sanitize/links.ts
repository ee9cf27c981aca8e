import { entityFromLink } from "./entities";
import { isPartOfLongerWord, textAround } from "./partial-word-links";
import { CARD_CARRIED_ATTRIBUTES } from "./policy";
import type { EntityRef, PartialWordLink } from "./sanitized-body";

/** The elements a sentence lives in: a link's words are read within its block, never across blocks. */
const BLOCK = "p, li, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dd, dt, pre, div";

/**
 * The parser can build a link inside a link (`<a><table><a>`), which no serialization reproduces: a browser
 * re-parsing our output would build a different tree. Keep the outer link and the inner one's content.
 */
export function unwrapNestedLinks(nestedLinks: Element[]): void {
  for (const nested of nestedLinks) nested.replaceWith(...Array.from(nested.childNodes));
}

const OSCHINA_REDIRECT = /^https?:\/\/(?:www\.)?oschina\.net\/action\/GoToLink\?url=([^&#]+)/i;

/**
 * Links as the site shows them: a source's redirect wrapper unwrapped, outside links in a new tab without an
 * opener, and entity links marked with their entity's key (returned, in document order). An entity link whose
 * text is only part of a longer word stays a plain link, with no card and no mention (returned to be reported).
 */
export function rewriteLinks(links: Element[], siteOrigin: string): { entities: EntityRef[]; partialWordLinks: PartialWordLink[] } {
  const entities: EntityRef[] = [];
  const partialWordLinks: PartialWordLink[] = [];
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
      const entity = entityFromLink(link, href);
      const text = link.textContent ?? "";
      const around = textAround(link, link.parentElement?.closest(BLOCK) ?? link.parentElement ?? link);
      if (entity && isPartOfLongerWord(around.before, text, around.after)) {
        partialWordLinks.push({ text, context: `${around.before.slice(-8)}${text}${around.after.slice(0, 8)}` });
        link.removeAttribute("class");
      } else if (entity) {
        entities.push(entity);
        link.setAttribute("data-entity", entity.key);
        for (const attribute of CARD_CARRIED_ATTRIBUTES) link.removeAttribute(attribute);
      } else {
        link.removeAttribute("class");
      }
    }
  }
  return { entities, partialWordLinks };
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
