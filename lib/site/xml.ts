/**
 * Text from the content, written into XML (the feed, the sitemaps). Escaping
 * alone is not enough there: XML 1.0 has no way at all to write most control
 * characters (not even as `&#1;`), and a parser stops at the first one, so a
 * title holding U+0001 would break the whole feed. They are dropped; the rest
 * is escaped for text and for double- or single-quoted attributes alike.
 */
const NOT_XML_CHARACTER = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, "").replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** For a quoted attribute: as `xmlText`, and tab and line breaks as references, which parsers would turn into spaces. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/[\t\n\r]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** An element holding escaped text: `<name>text</name>`. */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${xmlText(text)}</${name}>`;
}
