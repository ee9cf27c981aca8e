/**
 * An article's title with a `<wbr>` between each two of its words (`titleBreaks`, found at build time), for an
 * element of class `title-words` (globals.css: `word-break: keep-all`), which then wraps there, at spaces and
 * beside punctuation, never inside a word (之|后). Plain text in the page: copied, it reads as the title.
 */
export function TitleText({ title, breaks }: { title: string; breaks: readonly number[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const offset of breaks) {
    if (offset <= at || offset >= title.length) continue;
    parts.push(title.slice(at, offset), <wbr key={offset} />);
    at = offset;
  }
  parts.push(title.slice(at));
  return parts;
}
