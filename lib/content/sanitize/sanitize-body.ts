import DOMPurify from "isomorphic-dompurify";
import { collapseWhitespace, countReadingUnits } from "../text";
import { collectElements } from "./collect-elements";
import { removeStrayEntityAttributes } from "./entities";
import { escapeRawMarkupInCodeBlocks } from "./escape-code-blocks";
import { assignHeadingIds, promoteToH2 } from "./headings";
import { rewriteLinks, unwrapNestedLinks } from "./links";
import { decorateImages, wrapTables } from "./media";
import { plainTextOf } from "./plain-text";
import { installPurifyHooks, PURIFY_CONFIG } from "./purify-hooks";
import type { SanitizedBody } from "./sanitized-body";

export interface SanitizeOptions {
  /** The site's origin; links elsewhere open in a new tab. */
  siteOrigin: string;
}

/**
 * Sanitizes one article body with our policy and derives, from the same DOM,
 * the heading ids, the table of contents and the entity links. Runs at build time only.
 */
export function sanitizeBody(rawHtml: string, options: SanitizeOptions): SanitizedBody {
  installPurifyHooks();
  const fragment = DOMPurify.sanitize(escapeRawMarkupInCodeBlocks(rawHtml), PURIFY_CONFIG);
  const document = fragment.ownerDocument;
  const container = document.createElement("div");
  container.append(fragment);

  const found = collectElements(container);
  unwrapNestedLinks(found.nestedLinks);
  const headings = assignHeadingIds(found.headings.map((heading) => (heading.tagName === "H1" ? promoteToH2(heading) : heading)));
  decorateImages(found.images);
  const { entities, partialWordLinks } = rewriteLinks(found.links, options.siteOrigin);
  removeStrayEntityAttributes(found.withAttributes);
  wrapTables(found.tables);

  const html = container.innerHTML.trim();
  const text = collapseWhitespace(plainTextOf(html));
  const units = countReadingUnits(text);
  return {
    html,
    headings,
    entities,
    partialWordLinks,
    textStart: text.slice(0, 400),
    hanCount: units.han,
    latinWordCount: units.latinWords,
  };
}
