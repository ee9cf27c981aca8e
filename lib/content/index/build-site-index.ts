import type { ArticleSummary, NamedGroup, NamedLink } from "../../store/model";
import type { RecordRef, StoreIndex } from "../../store/write-store";
import type { ArticleMeta, ParsedArticle } from "../post/post-types";
import { nameToSegment } from "../slugs";
import { readingMinutes, truncateText } from "../text";
import { titleBreaks } from "../title-breaks";
import { CategoryTreeBuilder } from "./category-tree";
import type { EntityTable } from "./entity-table";
import { ListBuffer } from "./list-buffer";
import { relatedArticles } from "./related-articles";
import { assignSegments } from "./url-segments";

const EXCERPT_LENGTH = 120;

/**
 * What the index needs of one article, kept while the rest of the posts are read: its checked metadata and a
 * few facts of its body. The body itself went to the store as the post was read (`body` says where), so the
 * build holds a few hundred bytes per article, not its HTML.
 */
export interface IndexEntry {
  meta: ArticleMeta;
  excerpt: string;
  readingMinutes: number;
  /** Its entities, as numbers of the build's `EntityTable`. */
  entities: number[];
  body: RecordRef;
}

/** An article's `IndexEntry`, its entities put in `entities`. */
export function indexEntry(article: ParsedArticle, body: RecordRef, entities: EntityTable): IndexEntry {
  const { meta } = article;
  return {
    meta,
    excerpt: meta.description ? truncateText(meta.description, EXCERPT_LENGTH * 2) : truncateText(article.body.textStart, EXCERPT_LENGTH),
    readingMinutes: readingMinutes(article.body.hanCount, article.body.latinWordCount),
    entities: entities.intern(article.body.entities, meta),
    body,
  };
}

/**
 * Builds the whole site's index in one pass over the articles, so no page ever scans the corpus: article ids in
 * date order (newest first), every list (home, category levels, authors, tags, entities), the category tree,
 * the entity table with each entity's mention count, newest mentions and the entities named with it, and each
 * article's related articles.
 */
export function buildSiteIndex(entries: IndexEntry[], entities: EntityTable, builtAt: Date): StoreIndex {
  const ordered = [...entries].sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug));
  const authorSegments = assignSegments(ordered.flatMap((entry) => entry.meta.author ?? []));
  const tagSegments = assignSegments(ordered.flatMap((entry) => entry.meta.tags));
  const categoryTree = new CategoryTreeBuilder();
  const lists = new ListBuffer();

  const summaries: ArticleSummary[] = ordered.map(({ meta, excerpt, readingMinutes: minutes }, id) => ({
    id,
    slug: meta.slug,
    title: meta.title,
    titleBreaks: titleBreaks(meta.title),
    excerpt,
    date: meta.date,
    updated: meta.updated,
    author: meta.author ? { name: meta.author, segment: authorSegments.get(meta.author) ?? nameToSegment(meta.author) } : null,
    categories: meta.categories.map((names) => categoryTree.add(names, id)),
    tags: meta.tags.map((name) => ({ name, segment: tagSegments.get(name) ?? nameToSegment(name) })),
    image: meta.image,
    readingMinutes: minutes,
    entities: [],
  }));
  const entityIndex = entities.finish(ordered.map((entry) => entry.entities), summaries, lists);
  summaries.forEach((summary, id) => {
    summary.entities = entityIndex.entitiesById[id] ?? [];
  });

  return {
    builtAt,
    summaries,
    bodies: ordered.map((entry) => entry.body),
    home: lists.add(summaries.map((summary) => summary.id)),
    categories: categoryTree.finish(lists),
    authors: groupBy(summaries, (summary) => (summary.author ? [summary.author] : []), lists),
    tags: groupBy(summaries, (summary) => summary.tags, lists),
    entities: entityIndex.records,
    related: relatedArticles(summaries, entityIndex.mentions),
    lists: lists.toArray(),
  };
}

/** Authors or tags: one group per name, most articles first (then name, in Chinese collation). */
function groupBy(summaries: ArticleSummary[], keysOf: (summary: ArticleSummary) => NamedLink[], lists: ListBuffer): NamedGroup[] {
  const groups = new Map<string, NamedLink & { ids: number[] }>();
  for (const summary of summaries) {
    for (const key of keysOf(summary)) {
      const group = groups.get(key.segment) ?? { ...key, ids: [] };
      if (group.ids.at(-1) !== summary.id) group.ids.push(summary.id);
      groups.set(key.segment, group);
    }
  }
  return Array.from(groups.values())
    .sort((a, b) => b.ids.length - a.ids.length || a.name.localeCompare(b.name, "zh-CN"))
    .map(({ ids, ...group }) => ({ ...group, count: ids.length, list: lists.add(ids) }));
}
