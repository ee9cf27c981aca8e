import { decodeCharacterReferences } from "../text";

/**
 * Plain text of the finished HTML, with blocks separated by spaces. Done on the
 * string: walking a cloned jsdom tree cost more than the sanitizing itself.
 */
export function plainTextOf(html: string): string {
  const withoutAnchors = html.replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, "");
  const blocksSpaced = withoutAnchors.replace(/<\/(?:p|li|h[1-6]|pre|blockquote|td|th|div|figcaption|tr|dt|dd)>|<br\s*\/?>/gi, " ");
  return decodeCharacterReferences(blocksSpaced.replace(/<[^>]*>/g, ""));
}
