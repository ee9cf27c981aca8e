import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { LIST_ID_BYTES, NO_RELATED_ARTICLE, RECORD_ENTRY_BYTES, RELATED_ID_BYTES, SLUG_ENTRY_BYTES, SLUG_HASH_BYTES, STORE_FILES, STORE_FORMAT_VERSION, STORE_MANIFEST_FILE, type StoreFileName } from "./format";
import { resolveStoreDir } from "./location";
import type { StoreManifest } from "./manifest";
import {
  MENTIONS_PER_CARD,
  RELATED_PER_ARTICLE,
  type ArticleBody,
  type ArticleDocument,
  type ArticleLink,
  type ArticleSummary,
  type CategoryNode,
  type EntityCard,
  type EntityRecord,
  type ListRef,
  type NamedGroup,
} from "./model";
import { SearchIndex } from "./search-index";
import { slugHash } from "./slug-hash";

/**
 * The one reader of the store written by `write-store.ts`: pages, the feed and sitemaps, the benchmark and the
 * tests all read through it. It keeps the small manifest in memory and reads everything else a record at a time
 * with positioned reads, so its memory does not grow with the archive. Request handling never parses or
 * sanitizes content (lint keeps `lib/store` from importing the build's modules).
 */
export class StoreMissingError extends Error {}

/** A store that is there but cannot be used as it is; the owner's fix is always the same. */
function rebuildNeeded(problem: string): StoreMissingError {
  return new StoreMissingError(`${problem} Run \`npm run build\` again.`);
}

/** The files read a record at a time, held open for the life of the store. */
const RECORD_FILES = [
  STORE_FILES.summaries,
  STORE_FILES.summaryIndex,
  STORE_FILES.documents,
  STORE_FILES.documentIndex,
  STORE_FILES.entities,
  STORE_FILES.entityIndex,
  STORE_FILES.lists,
  STORE_FILES.slugs,
  STORE_FILES.entityKeys,
  STORE_FILES.related,
] as const;
type RecordFileName = (typeof RECORD_FILES)[number];

/** An opened store. */
export class ContentStore {
  private readonly categoriesByPath = new Map<string, CategoryNode>();
  private readonly categoriesByNames = new Map<string, CategoryNode>();
  private groups: { authors: GroupLookup; tags: GroupLookup } | null = null;
  /** Opened on the first search; null when the build made no index. */
  private search: SearchIndex | null | undefined = undefined;

  private constructor(
    readonly dir: string,
    readonly manifest: StoreManifest,
    private readonly files: Record<RecordFileName, number>,
  ) {
    const visit = (nodes: CategoryNode[]): void => {
      for (const node of nodes) {
        this.categoriesByPath.set(node.segments.join("/"), node);
        this.categoriesByNames.set(JSON.stringify(node.names), node);
        visit(node.children);
      }
    };
    visit(manifest.categories);
  }

  /**
   * Opens the store in `dir`. The store is swapped in whole by a rename, so a swap while the files are being
   * opened (development only) shows as files of other sizes than the manifest says: open again.
   */
  static open(dir: string): ContentStore {
    const manifestFile = path.join(/*turbopackIgnore: true*/ dir, STORE_MANIFEST_FILE);
    for (let attempt = 1; ; attempt += 1) {
      let text: string;
      try {
        text = readFileSync(manifestFile, "utf8");
      } catch {
        throw new StoreMissingError(`No content store at ${manifestFile}. Run \`npm run build\` (or \`npm run dev\`) first.`);
      }
      // Our own build output, version-checked here, so it is not re-validated field by field.
      const manifest = JSON.parse(text) as StoreManifest;
      if (manifest.formatVersion !== STORE_FORMAT_VERSION) throw rebuildNeeded(`The content store at ${dir} is from another version.`);
      const opened: Partial<Record<RecordFileName, number>> = {};
      let matches = true;
      try {
        for (const name of RECORD_FILES) {
          const fd = openSync(path.join(/*turbopackIgnore: true*/ dir, name), "r");
          opened[name] = fd;
          if (fstatSync(fd).size !== manifest.sizes[name]) matches = false;
        }
      } catch {
        closeAll(opened);
        throw rebuildNeeded(`The content store at ${dir} is missing files.`);
      }
      if (matches) return new ContentStore(dir, manifest, opened as Record<RecordFileName, number>);
      closeAll(opened);
      if (attempt === 3) throw rebuildNeeded(`The content store at ${dir} is damaged.`);
    }
  }

  close(): void {
    closeAll(this.files);
    this.search?.close();
  }

  /** The store's search index, or null when the build made none (`YUEDU_SEARCH_LIMIT`). */
  searchIndex(): SearchIndex | null {
    if (this.search === undefined) this.search = SearchIndex.open(this.dir);
    return this.search;
  }

  get articleCount(): number {
    return this.manifest.articleCount;
  }

  /** The summary of article `id`, or null past the last one. */
  summary(id: number): ArticleSummary | null {
    return this.record<ArticleSummary>(STORE_FILES.summaries, STORE_FILES.summaryIndex, id, this.manifest.articleCount);
  }

  summaries(ids: readonly number[]): ArticleSummary[] {
    return ids.flatMap((id) => this.summary(id) ?? []);
  }

  /** Up to `count` article ids of `list` from position `from`. */
  listIds(list: ListRef, from: number, count: number): number[] {
    const first = Math.max(0, from);
    const end = Math.min(list.count, first + count);
    if (end <= first) return [];
    const bytes = this.read(STORE_FILES.lists, (list.start + first) * LIST_ID_BYTES, (end - first) * LIST_ID_BYTES);
    return Array.from({ length: end - first }, (_, at) => bytes.readUInt32LE(at * LIST_ID_BYTES));
  }

  /** Page `page` (from 1) of a list, `pageSize` articles a page. */
  listPage(list: ListRef, page: number, pageSize: number): ArticleSummary[] {
    return this.summaries(this.listIds(list, (page - 1) * pageSize, pageSize));
  }

  /** The `count` newest articles. */
  newest(count: number): ArticleSummary[] {
    return this.listPage(this.manifest.home, 1, count);
  }

  /** Summaries from id `from` up to (not including) `to`, one at a time: the sitemaps walk the whole archive so. */
  *summariesBetween(from: number, to: number): Generator<ArticleSummary> {
    for (let id = Math.max(0, from); id < Math.min(to, this.manifest.articleCount); id += 1) {
      const summary = this.summary(id);
      if (summary) yield summary;
    }
  }

  /** The id of the article at `slug`, or null: a binary search over `slugs.idx`, a few positioned reads. */
  articleId(slug: string): number | null {
    return this.findByHash(STORE_FILES.slugs, this.manifest.articleCount, slug, (id) => this.summary(id)?.slug === slug);
  }

  /** The number of the entity with `key`, or null: a binary search over `entity-keys.idx`. */
  entityNumber(key: string): number | null {
    return this.findByHash(STORE_FILES.entityKeys, this.manifest.entityCount, key, (number) => this.entity(number)?.key === key);
  }

  /** The entity with `key`, or null. */
  entityByKey(key: string): EntityRecord | null {
    const number = this.entityNumber(key);
    return number === null ? null : this.entity(number);
  }

  /** Entities `from` to `to` (not included) in the store's order: the most mentioned first. */
  entitiesBetween(from: number, to: number): EntityRecord[] {
    const found: EntityRecord[] = [];
    for (let number = Math.max(0, from); number < Math.min(to, this.manifest.entityCount); number += 1) {
      const entity = this.entity(number);
      if (entity) found.push(entity);
    }
    return found;
  }

  /** The value stored under `key` in a hash table file (`slugs.idx`, `entity-keys.idx`), confirmed by `matches`. */
  private findByHash(file: RecordFileName, count: number, key: string, matches: (value: number) => boolean): number | null {
    const hash = slugHash(key);
    const entryAt = (at: number): Buffer => this.read(file, at * SLUG_ENTRY_BYTES, SLUG_ENTRY_BYTES);
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (Buffer.compare(entryAt(middle).subarray(0, SLUG_HASH_BYTES), hash) < 0) low = middle + 1;
      else high = middle;
    }
    // Every entry with this hash, in case two keys share one.
    for (let at = low; at < count; at += 1) {
      const entry = entryAt(at);
      if (!entry.subarray(0, SLUG_HASH_BYTES).equals(hash)) break;
      const value = entry.readUInt32LE(SLUG_HASH_BYTES);
      if (matches(value)) return value;
    }
    return null;
  }

  /** The related articles of article `id`, best first. */
  related(id: number): ArticleSummary[] {
    const bytes = this.read(STORE_FILES.related, id * RELATED_PER_ARTICLE * RELATED_ID_BYTES, RELATED_PER_ARTICLE * RELATED_ID_BYTES);
    const ids = Array.from({ length: RELATED_PER_ARTICLE }, (_, slot) => bytes.readUInt32LE(slot * RELATED_ID_BYTES));
    return this.summaries(ids.filter((related) => related !== NO_RELATED_ARTICLE));
  }

  /** An article's page: its summary, body, neighbours and entity cards; null for an unknown slug. */
  document(slug: string): ArticleDocument | null {
    const id = this.articleId(slug);
    const summary = id === null ? null : this.summary(id);
    if (id === null || !summary) return null;
    const body = this.body(id);
    if (!body) return null;
    return {
      summary,
      description: body.description,
      html: body.html,
      headings: body.headings,
      entities: this.entityCards(summary),
      // Ids are date order, newest first: the previous article was published earlier.
      previous: linkTo(this.summary(id + 1)),
      next: id > 0 ? linkTo(this.summary(id - 1)) : null,
      related: this.related(id),
    };
  }

  /**
   * What an article's page sends once, in its HTML only: the body and the entity cards (the islands of
   * components/article/article-parts-source.ts and their endpoint); null for an unknown slug.
   */
  articleParts(slug: string): { html: string; entities: EntityCard[] } | null {
    const id = this.articleId(slug);
    const summary = id === null ? null : this.summary(id);
    const body = id === null ? null : this.body(id);
    if (!summary || !body) return null;
    return { html: body.html, entities: this.entityCards(summary) };
  }

  /** The stored body of article `id` (the search index reads every one at build time); null past the last one. */
  body(id: number): ArticleBody | null {
    if (id < 0 || id >= this.manifest.articleCount) return null;
    const body = this.record<ArticleBody>(STORE_FILES.documents, STORE_FILES.documentIndex, id, this.manifest.articleCount);
    if (!body) throw rebuildNeeded(`The content store at ${this.dir} is damaged.`);
    return body;
  }

  /** The cards of the entities an article names, in first-mention order. */
  private entityCards(summary: ArticleSummary): EntityCard[] {
    return summary.entities.flatMap((number) => {
      const entity = this.entity(number);
      return entity ? [entityCard(entity, summary.slug)] : [];
    });
  }

  /** Entity `number` of the entity table. */
  entity(number: number): EntityRecord | null {
    return this.record<EntityRecord>(STORE_FILES.entities, STORE_FILES.entityIndex, number, this.manifest.entityCount);
  }

  /** A category by its URL segments, or by its names as written in the posts. */
  category(segmentsOrNames: string[]): CategoryNode | null {
    return this.categoriesByPath.get(segmentsOrNames.join("/")) ?? this.categoriesByNames.get(JSON.stringify(segmentsOrNames)) ?? null;
  }

  /** Every category at every level, parents before children. */
  allCategories(): CategoryNode[] {
    return Array.from(this.categoriesByPath.values());
  }

  authors(): NamedGroup[] {
    return this.loadGroups().authors.all;
  }

  tags(): NamedGroup[] {
    return this.loadGroups().tags.all;
  }

  /** By URL segment, or by the name as written (a link that spells out the raw name still finds the page). */
  author(segmentOrName: string): NamedGroup | null {
    return this.loadGroups().authors.find(segmentOrName);
  }

  tag(segmentOrName: string): NamedGroup | null {
    return this.loadGroups().tags.find(segmentOrName);
  }

  /** Authors and tags are read when a page first needs them: most pages never do. */
  private loadGroups(): { authors: GroupLookup; tags: GroupLookup } {
    this.groups ??= { authors: new GroupLookup(this.readJson(STORE_FILES.authors)), tags: new GroupLookup(this.readJson(STORE_FILES.tags)) };
    return this.groups;
  }

  private readJson(name: StoreFileName): NamedGroup[] {
    try {
      return JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ this.dir, name), "utf8")) as NamedGroup[];
    } catch {
      throw rebuildNeeded(`The content store at ${this.dir} is damaged.`);
    }
  }

  /** Record `at` of a `.jsonl` file, through its `.idx` file; null past the last one. */
  private record<T>(data: RecordFileName, index: RecordFileName, at: number, count: number): T | null {
    if (!Number.isInteger(at) || at < 0 || at >= count) return null;
    const entry = this.read(index, at * RECORD_ENTRY_BYTES, RECORD_ENTRY_BYTES);
    const start = Number(entry.readBigUInt64LE(0));
    const length = entry.readUInt32LE(8);
    return JSON.parse(this.read(data, start, length).toString("utf8")) as T;
  }

  private read(name: RecordFileName, position: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    if (readSync(this.files[name], bytes, 0, length, position) !== length) throw rebuildNeeded(`The content store at ${this.dir} is damaged.`);
    return bytes;
  }
}

class GroupLookup {
  private readonly bySegment: Map<string, NamedGroup>;
  private readonly byName: Map<string, NamedGroup>;

  constructor(readonly all: NamedGroup[]) {
    this.bySegment = new Map(all.map((group) => [group.segment, group]));
    this.byName = new Map(all.map((group) => [group.name, group]));
  }

  find(segmentOrName: string): NamedGroup | null {
    return this.bySegment.get(segmentOrName) ?? this.byName.get(segmentOrName) ?? null;
  }
}

function closeAll(files: Partial<Record<string, number>>): void {
  for (const fd of Object.values(files)) if (fd !== undefined) closeSync(fd);
}

function linkTo(summary: ArticleSummary | null): ArticleLink | null {
  return summary ? { slug: summary.slug, title: summary.title, titleBreaks: summary.titleBreaks } : null;
}

/** The card an entity gets on one article's page: the other articles naming it, not this one. */
function entityCard(entity: EntityRecord, slug: string): EntityCard {
  return {
    key: entity.key,
    name: entity.name,
    referType: entity.referType,
    logo: entity.logo,
    href: entity.href,
    mentionCount: entity.count,
    mentions: entity.recent.filter((mention) => mention.slug !== slug).slice(0, MENTIONS_PER_CARD),
  };
}

let current: { store: ContentStore; version: string } | null = null;

/**
 * The store pages read: `YUEDU_STORE_DIR`'s, opened once per process. In production the store never changes
 * under a running server, so there is no file-system call after the first open; in development the store is
 * rebuilt while the server runs (`npm run dev` rebuilds on every edit), so a new manifest is picked up.
 */
export function currentStore(): ContentStore {
  if (current && process.env.NODE_ENV === "production") return current.store;
  const dir = resolveStoreDir();
  const file = path.join(/*turbopackIgnore: true*/ dir, STORE_MANIFEST_FILE);
  // The store is swapped in by a rename, so a rebuilt manifest is another file (inode), even within one clock tick.
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
