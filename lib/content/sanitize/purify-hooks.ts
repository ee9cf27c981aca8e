import DOMPurify from "isomorphic-dompurify";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URI, ENTITY_ATTRIBUTES, SOURCE_CHROME_CLASSES } from "./policy";

/** DOMPurify's settings for our policy (`policy.ts`). */
export const PURIFY_CONFIG = {
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

let hooksInstalled = false;

/**
 * The parts of our policy an allow-list cannot say, as DOMPurify hooks (installed once per process, as DOMPurify
 * keeps hooks globally): source-site chrome goes with its content, no `data:` URL on any link or image, only the
 * entity marker survives of `class`, and entity attributes only on entity links.
 */
export function installPurifyHooks(): void {
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

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
