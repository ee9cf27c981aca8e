/**
 * Scraped posts (掘金 especially) put raw markup inside `<pre><code>`: whole
 * `<!DOCTYPE html>` documents, `<script>` and `<button>` tags. A browser parses
 * those as real elements, so the sanitizer would delete the very code the
 * article is showing. Before parsing, markup inside `<pre>` is turned back into
 * text, except the few inline tags syntax highlighters use.
 */
const HIGHLIGHTER_TAGS = new Set(["code", "span", "b", "strong", "i", "em", "br", "mark", "u", "sub", "sup"]);

const PRE_BLOCK = /(<pre\b[^>]*>)([\s\S]*?)(<\/pre\s*>)/gi;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)?([^<>]*)>?|<(!--[\s\S]*?--|![^>]*)>/g;

/** Escapes every tag inside `<pre>` blocks that is not a highlighter's inline tag. */
export function escapeRawMarkupInCodeBlocks(html: string): string {
  if (!/<pre\b/i.test(html)) return html;
  return html.replace(PRE_BLOCK, (_block, open: string, inner: string, close: string) => {
    const escaped = inner.replace(TAG, (tag: string, _slash: string, name: string | undefined) => {
      if (name && HIGHLIGHTER_TAGS.has(name.toLowerCase()) && tag.endsWith(">")) return tag;
      return tag.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    });
    return open + escaped + close;
  });
}
