import { collapseWhitespace } from "../text";
import { ENTITY_ATTRIBUTES } from "./policy";
import type { EntityRef } from "./sanitized-body";

/**
 * The entity an `a.project-link` names, or null when it names none (no name in `data-name` or its text). Its
 * key is the source's id with its kind (`2-3968527`), or the name when the id is missing or odd. A logo that is
 * neither http(s) nor a path on this site (`/images/…`, as the sample content's are) is dropped from the link.
 */
export function entityFromLink(link: Element, href: string): EntityRef | null {
  const id = (link.getAttribute("data-id") ?? "").trim();
  const name = collapseWhitespace(link.getAttribute("data-name") ?? "") || collapseWhitespace(link.textContent ?? "");
  if (name === "") return null;
  const referType = (link.getAttribute("data-refer-type") ?? "").trim();
  const logo = (link.getAttribute("data-logo") ?? "").trim();
  const safeLogo = /^https?:\/\/[^\s"'<>\\]+$/i.test(logo) || /^\/(?!\/)[^\s"'<>\\]+$/.test(logo) ? logo : null;
  if (!safeLogo) link.removeAttribute("data-logo");
  const key = id !== "" && /^[\w-]{1,64}$/.test(id) ? `${referType || "0"}-${id}` : `n-${name}`;
  return { key, id, name, logo: safeLogo, referType, href: /^https?:\/\//i.test(href) ? href : "" };
}

/** Entity attributes survive only on the entity links that became cards. */
export function removeStrayEntityAttributes(elements: Element[]): void {
  for (const element of elements) {
    if (element.getAttribute("data-entity") === null) for (const attribute of ENTITY_ATTRIBUTES) element.removeAttribute(attribute);
  }
}
