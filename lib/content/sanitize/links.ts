import { entityFromLink } from "./entities";
import type { EntityRef } from "./sanitized-body";

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
 * opener, and entity links marked with their entity's key (returned, in document order).
 */
export function rewriteLinks(links: Element[], siteOrigin: string): EntityRef[] {
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
      const entity = entityFromLink(link, href);
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
