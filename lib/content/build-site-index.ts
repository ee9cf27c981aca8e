import type { ArticleDocument, ArticleLink, ArticleSummary, CategoryNode, EntityCard, NamedGroup, NamedLink, SiteIndex } from "./model";
import { nameToSegment } from "./slugs";
import { readingMinutes, truncateText } from "./text";
import type { EntityRef, ParsedArticle } from "./types";

/** Version of the index and of the store's layout (`store-format.ts`). */
export const INDEX_FORMAT_VERSION = 3;
const EXCERPT_LENGTH = 120;
const MENTIONS_PER_CARD = 3;
/** A logo URL used by this many different entities is the source's placeholder, not a logo. */
const PLACEHOLDER_LOGO_THRESHOLD = 3;

export interface BuiltSite {
  index: SiteIndex;
  documents: ArticleDocument[];
}

/**
 * Builds the whole site's index and every article's document in one pass over
 * the parsed articles, so no page ever scans the corpus: category lists,
 * previous/next links and entity mention counts all come from here.
 */
export function buildSiteIndex(parsed: ParsedArticle[], builtAt: Date): BuiltSite {
  const ordered = [...parsed].sort(
    (a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug),
  );
  const authorSegments = assignSegments(ordered.map((article) => article.meta.author).filter(isPresent));
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
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: builtAt.toISOString(),
    articles,
    categories: categoryTree.finish(),
    authors: groupBy(articles, (summary) => (summary.author ? [summary.author] : [])),
    tags: groupBy(articles, (summary) => summary.tags),
  };

  const entityMentions = indexEntityMentions(ordered.map((article) => article.body.entities));
  const placeholderLogos = findPlaceholderLogos(ordered.flatMap((article) => article.body.entities));
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
      entities: entityCards(article.body.entities, id, entityMentions, placeholderLogos, link),
      // Articles are newest first: the previous one was published earlier.
      previous: link(id + 1),
      next: id > 0 ? link(id - 1) : null,
    };
  });
  return { index, documents };
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/** Stable, unique URL segments for a set of names; names that slug alike get `-1`, `-2` in name order. */
function assignSegments(names: string[]): Map<string, string> {
  const segments = new Map<string, string>();
  const used = new Set<string>();
  for (const name of Array.from(new Set(names)).sort()) {
    const base = nameToSegment(name);
    let segment = base;
    for (let n = 1; used.has(segment); n += 1) segment = `${base}-${n}`;
    used.add(segment);
    segments.set(name, segment);
  }
  return segments;
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

class CategoryTreeBuilder {
  private readonly roots: CategoryNode[] = [];

  /** Adds article `id` to every level of the path and returns the path's names and URL segments. */
  add(names: string[], id: number): { names: string[]; segments: string[] } {
    let level = this.roots;
    const segments: string[] = [];
    names.forEach((name, depth) => {
      let node = level.find((candidate) => candidate.name === name);
      if (!node) {
        const base = nameToSegment(name);
        let segment = base;
        for (let n = 1; level.some((sibling) => sibling.segments.at(-1) === segment); n += 1) segment = `${base}-${n}`;
        node = { name, names: names.slice(0, depth + 1), segments: [...segments, segment], articleIds: [], children: [] };
        level.push(node);
      }
      segments.push(node.segments.at(-1) ?? "");
      if (node.articleIds.at(-1) !== id) node.articleIds.push(id);
      level = node.children;
    });
    return { names, segments };
  }

  finish(): CategoryNode[] {
    const sortLevel = (nodes: CategoryNode[]): CategoryNode[] => {
      nodes.sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name, "zh-CN"));
      for (const node of nodes) sortLevel(node.children);
      return nodes;
    };
    return sortLevel(this.roots);
  }
}

function indexEntityMentions(entitiesByArticle: EntityRef[][]): Map<string, number[]> {
  const mentions = new Map<string, number[]>();
  entitiesByArticle.forEach((entities, id) => {
    for (const entity of entities) {
      const list = mentions.get(entity.key) ?? [];
      if (list.at(-1) !== id) list.push(id);
      mentions.set(entity.key, list);
    }
  });
  return mentions;
}

function findPlaceholderLogos(entities: EntityRef[]): Set<string> {
  const keysByLogo = new Map<string, Set<string>>();
  for (const entity of entities) {
    if (!entity.logo) continue;
    const keys = keysByLogo.get(entity.logo) ?? new Set<string>();
    keys.add(entity.key);
    keysByLogo.set(entity.logo, keys);
  }
  return new Set(Array.from(keysByLogo).filter(([, keys]) => keys.size >= PLACEHOLDER_LOGO_THRESHOLD).map(([logo]) => logo));
}

function entityCards(
  entities: EntityRef[],
  articleId: number,
  mentions: Map<string, number[]>,
  placeholderLogos: Set<string>,
  link: (id: number) => ArticleLink | null,
): EntityCard[] {
  const cards = new Map<string, EntityCard>();
  for (const entity of entities) {
    if (cards.has(entity.key)) continue;
    const mentioning = mentions.get(entity.key) ?? [articleId];
    cards.set(entity.key, {
      key: entity.key,
      name: entity.name,
      referType: entity.referType,
      logo: entity.logo && !placeholderLogos.has(entity.logo) ? entity.logo : null,
      href: entity.href,
      mentionCount: mentioning.length,
      mentions: mentioning
        .filter((id) => id !== articleId)
        .slice(0, MENTIONS_PER_CARD)
        .map(link)
        .filter(isPresent),
    });
  }
  return Array.from(cards.values());
}
