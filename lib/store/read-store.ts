import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { STORE_DOCUMENTS_FILE, STORE_FORMAT_VERSION, STORE_INDEX_FILE, type StoredIndex } from "./format";
import { resolveStoreDir } from "./location";
import type { ArticleDocument, ArticleSummary, CategoryNode, NamedGroup, SiteIndex } from "./model";

/**
 * The one reader of the store written by `write-store.ts`: pages, the feed and sitemaps, the benchmark and the
 * tests all read through it. Plain JSON reads and map look-ups only — request handling never parses or
 * sanitizes content (lint keeps `lib/store` from importing the build's modules).
 */
export class StoreMissingError extends Error {}

/** A store that is there but cannot be used as it is; the owner's fix is always the same. */
function rebuildNeeded(problem: string): StoreMissingError {
  return new StoreMissingError(`${problem} Run \`npm run build\` again.`);
}

/** An opened store: its index in memory with look-up tables, and its documents file open for positioned reads. */
export class ContentStore {
  private readonly bySlug: Map<string, number>;
  private readonly categoriesByPath = new Map<string, CategoryNode>();
  private readonly categoriesByNames = new Map<string, CategoryNode>();
  private readonly authorsBySegment: Map<string, NamedGroup>;
  private readonly tagsBySegment: Map<string, NamedGroup>;
  /** Names as well as segments, so a link that spells out the raw name still finds the page. */
  private readonly authorsByName: Map<string, NamedGroup>;
  private readonly tagsByName: Map<string, NamedGroup>;

  private constructor(
    readonly dir: string,
    readonly index: StoredIndex,
    /** The documents file that goes with this index. */
    private readonly documents: number,
  ) {
    this.bySlug = new Map(index.articles.map((article, id) => [article.slug, id]));
    const visit = (nodes: CategoryNode[]): void => {
      for (const node of nodes) {
        this.categoriesByPath.set(node.segments.join("/"), node);
        this.categoriesByNames.set(JSON.stringify(node.names), node);
        visit(node.children);
      }
    };
    visit(index.categories);
    this.authorsBySegment = new Map(index.authors.map((group) => [group.segment, group]));
    this.tagsBySegment = new Map(index.tags.map((group) => [group.segment, group]));
    this.authorsByName = new Map(index.authors.map((group) => [group.name, group]));
    this.tagsByName = new Map(index.tags.map((group) => [group.name, group]));
  }

  /**
   * Reads the index in `dir` and opens the documents file written with it. The store is swapped in whole by a
   * rename, so a swap between the two steps (development only) shows as a documents file of another length:
   * read again.
   */
  static open(dir: string): ContentStore {
    const indexFile = path.join(/*turbopackIgnore: true*/ dir, STORE_INDEX_FILE);
    for (let attempt = 1; ; attempt += 1) {
      let text: string;
      try {
        text = readFileSync(indexFile, "utf8");
      } catch {
        throw new StoreMissingError(`No content store at ${indexFile}. Run \`npm run build\` (or \`npm run dev\`) first.`);
      }
      // Our own build output, written by `write-store.ts` and version-checked below, so it is not re-validated field by field.
      const index = JSON.parse(text) as StoredIndex;
      if (index.formatVersion !== STORE_FORMAT_VERSION) {
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
      if (fstatSync(documents).size === expectedSize) return new ContentStore(dir, index, documents);
      closeSync(documents);
      if (attempt === 3) throw rebuildNeeded(`The content store at ${dir} is damaged.`);
    }
  }

  /** Closes the documents file; the store cannot read documents after this. */
  close(): void {
    closeSync(this.documents);
  }

  summaries(ids: number[]): ArticleSummary[] {
    const { articles } = this.index;
    return ids.map((id) => articles[id]).filter((summary): summary is ArticleSummary => summary !== undefined);
  }

  /** One article's full document, or null for an unknown slug. */
  document(slug: string): ArticleDocument | null {
    const id = this.bySlug.get(slug);
    const range = id === undefined ? undefined : this.index.documentRanges[id];
    if (!range) return null;
    const [start, length] = range;
    const bytes = Buffer.allocUnsafe(length);
    const read = readSync(this.documents, bytes, 0, length, start);
    if (read !== length) throw rebuildNeeded(`The content store at ${this.dir} is damaged.`);
    return JSON.parse(bytes.toString("utf8")) as ArticleDocument;
  }

  /** A category by its URL segments, or by its names as written in the posts. */
  category(segmentsOrNames: string[]): CategoryNode | null {
    return this.categoriesByPath.get(segmentsOrNames.join("/")) ?? this.categoriesByNames.get(JSON.stringify(segmentsOrNames)) ?? null;
  }

  /** Every category at every level, parents before children. */
  allCategories(): CategoryNode[] {
    return Array.from(this.categoriesByPath.values());
  }

  author(segmentOrName: string): NamedGroup | null {
    return this.authorsBySegment.get(segmentOrName) ?? this.authorsByName.get(segmentOrName) ?? null;
  }

  tag(segmentOrName: string): NamedGroup | null {
    return this.tagsBySegment.get(segmentOrName) ?? this.tagsByName.get(segmentOrName) ?? null;
  }
}

let current: { store: ContentStore; version: string } | null = null;

/**
 * The store pages read: `YUEDU_STORE_DIR`'s, opened once per process. In production the store never changes
 * under a running server, so there is no file-system call after the first open; in development the store is
 * rebuilt while the server runs (`npm run dev` rebuilds on every edit), so a new index file is picked up.
 */
export function currentStore(): ContentStore {
  if (current && process.env.NODE_ENV === "production") return current.store;
  const dir = resolveStoreDir();
  const file = path.join(/*turbopackIgnore: true*/ dir, STORE_INDEX_FILE);
  // The store is swapped in by a rename, so a rebuilt index is another file (inode), even within one clock tick.
  let version: string;
  try {
    const stat = statSync(file);
    version = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    throw new StoreMissingError(`No content store at ${file}. Run \`npm run build\` (or \`npm run dev\`) first.`);
  }
  if (current && current.store.dir === dir && current.version === version) return current.store;
  const store = ContentStore.open(dir);
  current?.store.close();
  current = { store, version };
  return store;
}

/** The whole site index (summaries only, no bodies). */
export function getSiteIndex(): SiteIndex {
  return currentStore().index;
}

export function getArticleSummaries(ids: number[]): ArticleSummary[] {
  return currentStore().summaries(ids);
}

/** One article's full document, or null for an unknown slug. */
export function getArticleDocument(slug: string): ArticleDocument | null {
  return currentStore().document(slug);
}

/** A category by its URL segments, or by its names as written in the posts. */
export function getCategory(segmentsOrNames: string[]): CategoryNode | null {
  return currentStore().category(segmentsOrNames);
}

/** Every category at every level, parents before children. */
export function getAllCategories(): CategoryNode[] {
  return currentStore().allCategories();
}

export function getAuthor(segmentOrName: string): NamedGroup | null {
  return currentStore().author(segmentOrName);
}

export function getTag(segmentOrName: string): NamedGroup | null {
  return currentStore().tag(segmentOrName);
}
