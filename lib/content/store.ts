import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { INDEX_FORMAT_VERSION } from "./build-site-index";
import type { ArticleDocument, ArticleSummary, CategoryNode, NamedGroup, SiteIndex } from "./model";
import { resolveStoreDir } from "./paths";
import { STORE_DOCUMENTS_FILE, STORE_INDEX_FILE, type StoredIndex } from "./store-format";

/**
 * What pages read: the store written by `scripts/build-content.ts`. Plain JSON
 * reads and map look-ups only — request handling never parses or sanitizes
 * content (this module must never import the sanitizer).
 */
export class StoreMissingError extends Error {}

/** A store that is there but cannot be used as it is; the owner's fix is always the same. */
function rebuildNeeded(problem: string): StoreMissingError {
  return new StoreMissingError(`${problem} Run \`npm run build\` again.`);
}

interface LoadedIndex {
  index: StoredIndex;
  /** The documents file that goes with this index, open for the life of the process (or until the store changes, in development). */
  documents: number;
  bySlug: Map<string, number>;
  categoriesByPath: Map<string, CategoryNode>;
  categoriesByNames: Map<string, CategoryNode>;
  authorsBySegment: Map<string, NamedGroup>;
  tagsBySegment: Map<string, NamedGroup>;
  /** Names as well as segments, so a link that spells out the raw name still finds the page. */
  authorsByName: Map<string, NamedGroup>;
  tagsByName: Map<string, NamedGroup>;
  dir: string;
  /** Identifies the index file this was loaded from. */
  version: string;
}

let loaded: LoadedIndex | null = null;

function storeDir(): string {
  return resolveStoreDir();
}

function loadIndex(): LoadedIndex {
  // In production the store never changes under a running server: no file-system call after the first load.
  if (loaded && process.env.NODE_ENV === "production") return loaded;
  const dir = storeDir();
  const file = path.join(/*turbopackIgnore: true*/ dir, STORE_INDEX_FILE);
  // The store is swapped in by a rename, so a rebuilt index is another file (inode), even within one clock tick.
  let version = "";
  try {
    const stat = statSync(file);
    version = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    throw new StoreMissingError(`No content store at ${file}. Run \`npm run build\` (or \`npm run dev\`) first.`);
  }
  // In development the store is rebuilt while the server runs (`npm run check`/`build-content`): reload it then.
  if (loaded && loaded.dir === dir && loaded.version === version) return loaded;
  const { index, documents } = openStore(dir, file);
  if (loaded) closeSync(loaded.documents);
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
    documents,
    bySlug: new Map(index.articles.map((article, id) => [article.slug, id])),
    categoriesByPath,
    categoriesByNames,
    authorsBySegment: new Map(index.authors.map((group) => [group.segment, group])),
    tagsBySegment: new Map(index.tags.map((group) => [group.segment, group])),
    authorsByName: new Map(index.authors.map((group) => [group.name, group])),
    tagsByName: new Map(index.tags.map((group) => [group.name, group])),
    dir,
    version,
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
  const store = loadIndex();
  const id = store.bySlug.get(slug);
  const range = id === undefined ? undefined : store.index.documentRanges[id];
  if (!range) return null;
  const [start, length] = range;
  const bytes = Buffer.allocUnsafe(length);
  const read = readSync(store.documents, bytes, 0, length, start);
  if (read !== length) throw rebuildNeeded(`The content store at ${store.dir} is damaged.`);
  return JSON.parse(bytes.toString("utf8")) as ArticleDocument;
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

/**
 * Reads the index and opens the documents file written with it. The store is swapped in whole by a rename, so
 * a swap between the two steps (development only) shows as a documents file of another length: read again.
 */
function openStore(dir: string, indexFile: string): { index: StoredIndex; documents: number } {
  for (let attempt = 1; ; attempt += 1) {
    // Our own build output, written by `write-store.ts` and version-checked below, so it is not re-validated field by field.
    const index = JSON.parse(readFileSync(indexFile, "utf8")) as StoredIndex;
    if (index.formatVersion !== INDEX_FORMAT_VERSION) {
      throw rebuildNeeded(`The content store at ${dir} is from another version.`);
    }
    const documentsFile = path.join(/*turbopackIgnore: true*/ dir, STORE_DOCUMENTS_FILE);
    let documents: number;
    try {
      documents = openSync(documentsFile, "r");
    } catch {
      throw rebuildNeeded(`No ${STORE_DOCUMENTS_FILE} in the content store at ${dir}.`);
    }
    const last = index.documentRanges.at(-1);
    const expectedSize = last ? last[0] + last[1] + 1 : 0;
    if (fstatSync(documents).size === expectedSize) return { index, documents };
    closeSync(documents);
    if (attempt === 3) throw rebuildNeeded(`The content store at ${dir} is damaged.`);
  }
}
