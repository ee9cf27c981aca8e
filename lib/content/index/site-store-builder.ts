import { StoreWriter } from "../../store/write-store";
import type { ParsedArticle } from "../post/post-types";
import { buildSiteIndex, indexEntry, type IndexEntry } from "./build-site-index";
import { EntityTable } from "./entity-table";

/**
 * Steps 5 and 6 of the content step (`build-content.ts`) as one object: `add` puts an article's body in the new
 * store and keeps its `IndexEntry`; `finish` builds the index from the entries to publish and swaps the store in.
 */
export class SiteStoreBuilder {
  private readonly entities = new EntityTable();

  private constructor(private readonly writer: StoreWriter) {}

  static async create(storeDir: string): Promise<SiteStoreBuilder> {
    return new SiteStoreBuilder(await StoreWriter.create(storeDir));
  }

  async add(article: ParsedArticle): Promise<IndexEntry> {
    const { meta, body } = article;
    const stored = await this.writer.appendBody({ description: meta.description, html: body.html, headings: body.headings });
    return indexEntry(article, stored, this.entities);
  }

  /**
   * Writes the index of `entries` (those of `add` that are published), has `beforeSwap` add what is built from the
   * finished store (the search index), and swaps the store in.
   */
  async finish(entries: IndexEntry[], builtAt: Date, beforeSwap?: (stagedDir: string) => Promise<void>): Promise<void> {
    await this.writer.finish(buildSiteIndex(entries, this.entities, builtAt), beforeSwap);
  }

  /** Leaves the old store in place when the build stopped before `finish`. */
  async discard(): Promise<void> {
    await this.writer.discard();
  }
}
