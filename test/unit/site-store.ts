import path from "node:path";
import { SiteStoreBuilder } from "../../lib/content/index/site-store-builder";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import type { ArticleDocument, ArticleSummary, ListRef } from "../../lib/store/model";
import { ContentStore } from "../../lib/store/read-store";
import { tempDir } from "./helpers";

/** A store built from parsed articles the way the content step builds one, opened with the pages' reader. */
export interface BuiltSite {
  dir: string;
  store: ContentStore;
  /** Every summary, by id (date order, newest first). */
  summaries: ArticleSummary[];
  /** Every article's page document, in the same order. */
  documents: ArticleDocument[];
  /** The article ids of a list. */
  ids: (list: ListRef) => number[];
}

export async function siteFrom(articles: ParsedArticle[], builtAt = new Date("2024-05-01T00:00:00Z"), dir?: string): Promise<BuiltSite> {
  const storeDir = dir ?? path.join(await tempDir("yuedu-site-"), "store");
  const builder = await SiteStoreBuilder.create(storeDir);
  const entries = [];
  for (const article of articles) entries.push(await builder.add(article));
  await builder.finish(entries, builtAt);
  const store = ContentStore.open(storeDir);
  const summaries = Array.from(store.summariesBetween(0, store.articleCount));
  return {
    dir: storeDir,
    store,
    summaries,
    documents: summaries.flatMap((summary) => store.document(summary.slug) ?? []),
    ids: (list) => store.listIds(list, 0, list.count),
  };
}
