import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { INDEX_FORMAT_VERSION } from "./build-site-index";
import type { ArticleDocument, ArticleSummary, CategoryNode, NamedGroup, SiteIndex } from "./model";
import { articleDocumentFile, resolveStoreDir } from "./paths";

/**
 * What pages read: the store written by `scripts/build-content.ts`. Plain JSON
 * reads and map look-ups only — request handling never parses or sanitizes
 * content (this module must never import the sanitizer).
 */
export class StoreMissingError extends Error {}

interface LoadedIndex {
  index: SiteIndex;
  bySlug: Map<string, number>;
  categoriesByPath: Map<string, CategoryNode>;
  categoriesByNames: Map<string, CategoryNode>;
  authorsBySegment: Map<string, NamedGroup>;
  tagsBySegment: Map<string, NamedGroup>;
  /** Names as well as segments, so a link that spells out the raw name still finds the page. */
  authorsByName: Map<string, NamedGroup>;
  tagsByName: Map<string, NamedGroup>;
  loadedMtimeMs: number;
}

let loaded: LoadedIndex | null = null;

function storeDir(): string {
  return resolveStoreDir();
}

function loadIndex(): LoadedIndex {
  // In production the store never changes under a running server: no file-system call after the first load.
  if (loaded && process.env.NODE_ENV === "production") return loaded;
  const file = path.join(/*turbopackIgnore: true*/ storeDir(), "index.json");
  let mtimeMs = 0;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new StoreMissingError(`No content store at ${file}. Run \`npm run build\` (or \`npm run dev\`) first.`);
  }
  // In development the store is rebuilt while the server runs (`npm run check`/`build-content`): reload it then.
  if (loaded && loaded.loadedMtimeMs === mtimeMs) return loaded;
  // Our own build output, written by `write-store.ts` and version-checked below, so it is not re-validated field by field.
  const index = JSON.parse(readFileSync(file, "utf8")) as SiteIndex;
  if (index.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new StoreMissingError(`The content store at ${file} is from another version. Run \`npm run build\` again.`);
  }
  const categoriesByPath = new Map<string, CategoryNode>();
  const categoriesByNames = new Map<string, CategoryNode>();
  const visit = (nodes: CategoryNode[]): void => {
    for (const node of nodes) {
      categoriesByPath.set(node.segments.join("/"), node);
      categoriesByNames.set(JSON.stringify(node.names), node);
      visit(node.children);
    }
  };
  visit(index.categories);
  loaded = {
    index,
    bySlug: new Map(index.articles.map((article, id) => [article.slug, id])),
    categoriesByPath,
    categoriesByNames,
    authorsBySegment: new Map(index.authors.map((group) => [group.segment, group])),
    tagsBySegment: new Map(index.tags.map((group) => [group.segment, group])),
    authorsByName: new Map(index.authors.map((group) => [group.name, group])),
    tagsByName: new Map(index.tags.map((group) => [group.name, group])),
    loadedMtimeMs: mtimeMs,
  };
  return loaded;
}

/** The whole site index (summaries only, no bodies). */
export function getSiteIndex(): SiteIndex {
  return loadIndex().index;
}

export function getArticleSummaries(ids: number[]): ArticleSummary[] {
  const { articles } = loadIndex().index;
  return ids.map((id) => articles[id]).filter((summary): summary is ArticleSummary => summary !== undefined);
}

/** One article's full document, or null for an unknown slug. */
export function getArticleDocument(slug: string): ArticleDocument | null {
  if (!loadIndex().bySlug.has(slug)) return null;
  return JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ storeDir(), "articles", articleDocumentFile(slug)), "utf8")) as ArticleDocument;
}

/** A category by its URL segments, or by its names as written in the posts. */
export function getCategory(segmentsOrNames: string[]): CategoryNode | null {
  const store = loadIndex();
  return store.categoriesByPath.get(segmentsOrNames.join("/")) ?? store.categoriesByNames.get(JSON.stringify(segmentsOrNames)) ?? null;
}

/** Every category at every level, parents before children. */
export function getAllCategories(): CategoryNode[] {
  return Array.from(loadIndex().categoriesByPath.values());
}

export function getAuthor(segmentOrName: string): NamedGroup | null {
  const store = loadIndex();
  return store.authorsBySegment.get(segmentOrName) ?? store.authorsByName.get(segmentOrName) ?? null;
}

export function getTag(segmentOrName: string): NamedGroup | null {
  const store = loadIndex();
  return store.tagsBySegment.get(segmentOrName) ?? store.tagsByName.get(segmentOrName) ?? null;
}
