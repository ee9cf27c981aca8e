/**
 * How deeply a body's markup nests, measured on the text before any parser
 * sees it. jsdom (and so the sanitizer) recurses per level and overflows the
 * stack a few thousand levels down, and browsers stop nesting at 512 levels
 * anyway (Chromium's parser limit), so deeper markup cannot be published as
 * written. An upper bound is enough: it only has to be exact near the limit.
 */
export const MAX_MARKUP_DEPTH = 512;

/** Elements that never have content. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"]);
/** Elements whose end tag may be left out; counting them would make a list of 600 `<li>`s look 600 deep. */
const OPTIONAL_END_TAG = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"]);

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

/** The first offset at which nesting passes `limit`, or null when it never does. */
export function findExcessiveNesting(html: string, limit = MAX_MARKUP_DEPTH): { depth: number; offset: number } | null {
  let depth = 0;
  for (const match of html.matchAll(TAG)) {
    const name = (match[2] ?? "").toLowerCase();
    if (VOID_ELEMENTS.has(name) || OPTIONAL_END_TAG.has(name)) continue;
    if (match[1] === "/") {
      depth = Math.max(0, depth - 1);
    } else if (match[3] !== "/") {
      depth += 1;
      if (depth > limit) return { depth, offset: match.index };
    }
  }
  return null;
}
