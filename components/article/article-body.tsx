/**
 * The only place that injects content's HTML. `html` was sanitized once, at
 * build time, by lib/content/sanitize/ with our allow-list policy; nothing else
 * may reach this component. (The page's two other injected scripts hold only
 * our own code or escaped JSON: components/layout/theme-script.tsx and the
 * article's JSON-LD, escaped by lib/site/json-ld.ts.)
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <div
      className="article-body prose prose-zinc max-w-none text-[17px] prose-headings:font-semibold prose-h2:mt-10 prose-h2:text-[1.35em] prose-h3:text-[1.15em] prose-a:underline-offset-4 prose-pre:rounded-lg prose-pre:text-[13px] prose-img:mx-auto sm:text-[18px]"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
