import type { ArticleDocument } from "@/lib/store/model";
import { siteConfig } from "@/site.config";
import { urls } from "./urls";

/**
 * JSON for the inside of a `<script>` element. JSON.stringify alone is not
 * enough there: a title holding `</script>` or `<!--` would end or change the
 * element, so `<`, `>` and `&` are written as \u escapes (still the same JSON),
 * and so are U+2028/U+2029, which older parsers treat as line ends.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** schema.org Article data for search engines and readers' apps; every value comes from the content, so it is escaped above. */
export function articleStructuredData(document: ArticleDocument): Record<string, unknown> {
  const { summary } = document;
  const url = new URL(urls.article(summary.slug), siteConfig.baseUrl).href;
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: summary.title,
    description: document.description ?? summary.excerpt,
    datePublished: summary.date,
    ...(summary.updated ? { dateModified: summary.updated } : {}),
    ...(summary.author ? { author: { "@type": "Person", name: summary.author.name } } : {}),
    ...(summary.image ? { image: [new URL(summary.image, siteConfig.baseUrl).href] } : {}),
    inLanguage: siteConfig.language,
    mainEntityOfPage: url,
    url,
  };
}
