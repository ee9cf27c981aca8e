import { STORE_FORMAT_VERSION } from "../../store/format";
import type { ArticleDocument, ArticleLink, ArticleSummary, NamedGroup, NamedLink, SiteIndex, StoreContents } from "../../store/model";
import type { ParsedArticle } from "../post/post-types";
import { nameToSegment } from "../slugs";
import { readingMinutes, truncateText } from "../text";
import { CategoryTreeBuilder } from "./category-tree";
import { entityCards, indexEntities } from "./entity-cards";
import { assignSegments } from "./url-segments";

const EXCERPT_LENGTH = 120;

/**
 * Builds the whole site's index and every article's document in one pass over
 * the parsed articles, so no page ever scans the corpus: category lists,
 * previous/next links and entity mention counts all come from here.
 */
export function buildSiteIndex(parsed: ParsedArticle[], builtAt: Date): StoreContents {
  const ordered = [...parsed].sort(
    (a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug),
  );
  const authorSegments = assignSegments(ordered.flatMap((article) => article.meta.author ?? []));
  const tagSegments = assignSegments(ordered.flatMap((article) => article.meta.tags));
  const categoryTree = new CategoryTreeBuilder();

  const articles: ArticleSummary[] = ordered.map((article, id) => {
    const { meta, body } = article;
    const categories = meta.categories.map((names) => categoryTree.add(names, id));
    return {
      slug: meta.slug,
      title: meta.title,
      excerpt: meta.description ? truncateText(meta.description, EXCERPT_LENGTH * 2) : truncateText(body.textStart, EXCERPT_LENGTH),
      date: meta.date,
      updated: meta.updated,
      author: meta.author ? { name: meta.author, segment: authorSegments.get(meta.author) ?? nameToSegment(meta.author) } : null,
      categories,
      tags: meta.tags.map((name) => ({ name, segment: tagSegments.get(name) ?? nameToSegment(name) })),
      image: meta.image,
      readingMinutes: readingMinutes(body.hanCount, body.latinWordCount),
    };
  });

  const index: SiteIndex = {
    formatVersion: STORE_FORMAT_VERSION,
    builtAt: builtAt.toISOString(),
    articles,
    categories: categoryTree.finish(),
    authors: groupBy(articles, (summary) => (summary.author ? [summary.author] : [])),
    tags: groupBy(articles, (summary) => summary.tags),
  };

  const entities = indexEntities(ordered.map((article) => article.body.entities));
  const link = (id: number): ArticleLink | null => {
    const summary = articles[id];
    return summary ? { slug: summary.slug, title: summary.title } : null;
  };

  const documents = ordered.map((article, id): ArticleDocument => {
    const summary = articles[id];
    if (!summary) throw new Error("unreachable: summary for every article");
    return {
      summary,
      description: article.meta.description,
      html: article.body.html,
      headings: article.body.headings,
      entities: entityCards(article.body.entities, id, entities, link),
      // Articles are newest first: the previous one was published earlier.
      previous: link(id + 1),
      next: id > 0 ? link(id - 1) : null,
    };
  });
  return { index, documents };
}

function groupBy(articles: ArticleSummary[], keysOf: (summary: ArticleSummary) => NamedLink[]): NamedGroup[] {
  const groups = new Map<string, NamedGroup>();
  articles.forEach((summary, id) => {
    for (const key of keysOf(summary)) {
      const group = groups.get(key.segment) ?? { ...key, articleIds: [] };
      if (group.articleIds.at(-1) !== id) group.articleIds.push(id);
      groups.set(key.segment, group);
    }
  });
  return Array.from(groups.values()).sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name, "zh-CN"));
}
