/** A piece of a result's snippet: highlighted where it is one of the query's words. */
export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/** How many characters of text before the first match a snippet shows. */
const LEAD = 24;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * About `length` characters of `text` around its best stretch (the one that holds the most different query words,
 * earliest first), with every occurrence of a word highlighted and an ellipsis where the text was cut. The start of
 * the text when no word is in it.
 */
export function snippetParts(text: string, words: readonly string[], length = 100): SnippetPart[] {
  const wanted = words.filter((word) => word.trim() !== "").sort((a, b) => b.length - a.length);
  const pattern = wanted.length > 0 ? new RegExp(wanted.map(escapeRegExp).join("|"), "giu") : null;
  const matches = pattern ? Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() })) : [];

  let anchor = 0;
  let bestCount = 0;
  for (const candidate of matches) {
    const inWindow = new Set(matches.filter((match) => match.start >= candidate.start && match.end <= candidate.start + length).map((match) => match.word));
    if (inWindow.size > bestCount) {
      bestCount = inWindow.size;
      anchor = candidate.start;
    }
  }
  const start = Math.max(0, anchor - LEAD);
  const end = Math.min(text.length, start + length);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const match of matches) {
    if (match.start < at || match.end > end) continue;
    if (match.start > at) parts.push({ text: text.slice(at, match.start), highlighted: false });
    parts.push({ text: text.slice(match.start, match.end), highlighted: true });
    at = match.end;
  }
  if (at < end) parts.push({ text: text.slice(at, end), highlighted: false });
  if (start > 0) parts.unshift({ text: "…", highlighted: false });
  if (end < text.length) parts.push({ text: "…", highlighted: false });
  return parts;
}
