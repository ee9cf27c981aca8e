/**
 * Our sanitizing policy, as data. Allow-lists, not block-lists: anything not
 * named here is removed, so a tag or attribute nobody thought of is never
 * published by accident.
 */
export const ALLOWED_TAGS = [
  // DOMPurify walks from the <body> it parses into; without "body" here it force-removes that body on
  // every call, deep-cloning its children, and jsdom never frees the clones (measured: +1.1 MB per seed-sized
  // body, 2 GB after 1800 calls). Content cannot add a body: the HTML parser drops nested <body> tags.
  "body",
  "p", "br", "hr", "div", "span", "section", "article", "header", "footer", "aside",
  "h1", "h2", "h3", "h4", "h5", "h6",
  "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
  "abbr", "cite", "q", "dfn", "time", "ruby", "rt", "rp", "wbr", "bdi", "bdo",
  "code", "kbd", "samp", "var", "pre", "blockquote",
  "ul", "ol", "li", "dl", "dt", "dd",
  "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
  "figure", "figcaption", "img", "a", "details", "summary",
];

export const ALLOWED_ATTRIBUTES = [
  "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope",
  "start", "reversed", "datetime", "cite", "open", "lang", "dir", "target",
  // The entity anchors' own attributes; `purify-hooks.ts` keeps them on a.project-link only, `entities.ts`
  // only on the entity links that became cards, and of those `links.ts` keeps data-name (the card has the rest).
  "class", "data-id", "data-name", "data-logo", "data-refer-type",
];

export const ENTITY_ATTRIBUTES = new Set(["data-id", "data-name", "data-logo", "data-refer-type"]);

/**
 * What an entity link that became a card no longer needs: its card in 本文提及 carries the id, kind and logo,
 * and the hover card clones that card. Left on every mention they were sent twice more per link (in the HTML
 * and again in the framework's page data), and the logo URLs barely compress.
 */
export const CARD_CARRIED_ATTRIBUTES = ["data-id", "data-logo", "data-refer-type"] as const;

/**
 * http(s), mailto, relative paths and in-page anchors. Everything with another
 * scheme (javascript:, data:, vbscript:, file:, …) fails: the last branch only
 * matches text whose first `:` comes after a `/`, `?` or `#`.
 */
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z:]|[a-z0-9+.-]*[^a-z0-9+.:-]|[a-z0-9+.-]+$)/i;

/** Elements whose content is chrome of the source site, not of the article (掘金's copy button). */
export const SOURCE_CHROME_CLASSES = ["copy-code-btn"];
