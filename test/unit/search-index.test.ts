import { existsSync, promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../lib/content/build-content";
import { plainTextOf } from "../../lib/content/sanitize/plain-text";
import { RESULTS_PER_PAGE, SEARCH_INDEX_FILES, SEARCH_INDEX_FOLDER } from "../../lib/search/search-index-format";
import { normalize, parseQuery } from "../../lib/search/search-terms";
import { ContentStore } from "../../lib/store/read-store";
import { SearchIndexError, type SearchIndex } from "../../lib/store/search-index";
import { OPTIONS, PROJECT_DIR, SHARED_DIR, tempDir } from "./helpers";

const progress = { loaded: () => undefined, skipping: () => undefined };

async function buildStore(contentDir: string, maxArticles: number | null = null): Promise<{ storeDir: string; result: Awaited<ReturnType<typeof buildContent>> }> {
  const storeDir = path.join(await tempDir("yuedu-search-"), "store");
  const result = await buildContent({ ...OPTIONS, contentDir, cacheDir: null, storeDir, mode: "build", skipInvalid: true, searchIndex: { maxArticles } }, progress);
  return { storeDir, result };
}

/** Every page of a query's results, "more" to the end. */
function allResults(index: SearchIndex, query: string, category = ""): number[] {
  const ids: number[] = [];
  for (let from = 0; ; from += RESULTS_PER_PAGE) {
    const page = index.search(parseQuery(query), category, from);
    ids.push(...page.ids);
    if (page.ids.length < RESULTS_PER_PAGE) return ids;
  }
}

interface Article {
  id: number;
  title: string;
  /** Title, labels and body, as a reader would search them. */
  text: string;
  tops: string[];
}

function articlesOf(store: ContentStore): Article[] {
  return Array.from({ length: store.articleCount }, (_, id) => {
    const summary = store.summary(id);
    const body = store.body(id);
    if (!summary || !body) throw new Error(`article ${id} missing`);
    const labels = [...summary.categories.flatMap((category) => category.names), ...summary.tags.map((tag) => tag.name), summary.author?.name ?? ""];
    return {
      id,
      title: summary.title,
      text: normalize(`${summary.title} ${labels.join(" ")} ${plainTextOf(body.html)}`).replace(/\s+/g, " ").trim(),
      tops: [...new Set(summary.categories.flatMap((category) => category.names.slice(0, 1)))],
    };
  });
}

/** Whether a reader would say `text` contains every word of `query`: ideograph runs anywhere, Latin words whole. */
function contains(text: string, query: string): boolean {
  const lower = text.toLowerCase();
  return parseQuery(query).highlightTerms.every((word) =>
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u.test(word)
      ? text.includes(word)
      : new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{M}\\p{N}])`, "u").test(lower.replace(/[\p{Script=Han}]/gu, " ")),
  );
}

/** Queries drawn from the articles: names of two to six characters, words, Latin tokens, pairs of words. */
function queriesFrom(articles: Article[]): string[] {
  const queries = new Set<string>();
  for (const [at, article] of articles.entries()) {
    const runs = article.text.match(/\p{Script=Han}{2,}/gu) ?? [];
    const words = article.text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? [];
    for (const [step, run] of runs.filter((_, index) => index % 7 === at % 7).slice(0, 12).entries()) queries.add(Array.from(run).slice(0, 2 + (step % 5)).join(""));
    for (const word of words.slice(0, 4)) queries.add(word);
    if (runs[3] && words[0]) queries.add(`${words[0]} ${Array.from(runs[3]).slice(0, 2).join("")}`);
    if (runs[5] && runs[9]) queries.add(`${Array.from(runs[5]).slice(0, 2).join("")} ${Array.from(runs[9]).slice(-2).join("")}`);
  }
  queries.add("的");
  queries.add("xyzzy");
  queries.add("周大福");
  return [...queries];
}

const corpora = [
  { name: "the sample content", dir: path.join(PROJECT_DIR, "content") },
  { name: "../shared/corpus", dir: path.join(SHARED_DIR, "corpus") },
];

for (const { name, dir } of corpora) {
  describe.skipIf(!existsSync(dir))(`the search index of ${name}${existsSync(dir) ? "" : " (skipped: the folder is not there)"}`, () => {
    let store: ContentStore;
    let index: SearchIndex;
    let articles: Article[];
    beforeAll(async () => {
      const { storeDir, result } = await buildStore(dir);
      expect(result.outcome).toBe("built");
      if (result.outcome === "built") expect(result.search?.articles).toBe(result.articles);
      store = ContentStore.open(storeDir);
      const opened = store.searchIndex();
      if (!opened) throw new Error("no search index");
      index = opened;
      articles = articlesOf(store);
    }, 120_000);

    it("finds exactly the articles whose title, labels or text contain every word of a query (recall and precision 100%)", () => {
      const queries = queriesFrom(articles);
      expect(queries.length).toBeGreaterThan(50);
      for (const query of queries) {
        const expected = articles.filter((article) => contains(article.text, query)).map((article) => article.id);
        expect(allResults(index, query).sort((a, b) => a - b), query).toEqual(expected);
        expect(index.search(parseQuery(query), "", 0).total, query).toBe(expected.length);
      }
    });

    it("ranks a match in the title above matches in the body only", () => {
      for (const article of articles.slice(0, 10)) {
        const word = article.title.match(/\p{Script=Han}{2}/u)?.[0];
        if (!word) continue;
        const ranked = allResults(index, word);
        const inTitle = ranked.map((id) => articles[id]?.title.includes(word) ?? false);
        // Every title match comes before the first article that has the word only in its body.
        expect(inTitle.indexOf(false) === -1 || inTitle.lastIndexOf(true) < inTitle.indexOf(false), word).toBe(true);
        expect(inTitle[0], word).toBe(true);
      }
      const everyArticle = allResults(index, "的");
      expect(new Set(everyArticle).size).toBe(everyArticle.length);
    });

    it("filters by top-level category and counts the matches of every category", () => {
      const query = "的";
      const matching = articles.filter((article) => contains(article.text, query));
      const { categoryCounts } = index.search(parseQuery(query), "", 0);
      for (const top of new Set(articles.flatMap((article) => article.tops))) {
        const expected = matching.filter((article) => article.tops.includes(top)).map((article) => article.id);
        expect(categoryCounts[top] ?? 0, top).toBe(expected.length);
        expect(allResults(index, query, top).sort((a, b) => a - b), top).toEqual(expected);
        // The counts do not depend on the filter.
        expect(index.search(parseQuery(query), top, 0).categoryCounts).toEqual(categoryCounts);
      }
      expect(index.search(parseQuery(query), "没有这个分类", 0)).toMatchObject({ total: 0, ids: [] });
    });

    it("gives the plain text of an article's body, without its title or labels, for snippets", () => {
      const first = articles[0];
      if (!first) return;
      const body = index.bodyText(first.id);
      expect(first.text.endsWith(body)).toBe(true);
      expect(body).not.toContain("\u0000");
    });
  });
}

describe("a search index that cannot be read", () => {
  it("is no index when the build made none, and a clear error when it is damaged or from another version", async () => {
    const { storeDir } = await buildStore(path.join(PROJECT_DIR, "content"));
    const searchDir = path.join(storeDir, SEARCH_INDEX_FOLDER);
    expect(readdirSync(searchDir).sort()).toEqual(Object.values(SEARCH_INDEX_FILES).sort());
    await fs.writeFile(path.join(searchDir, SEARCH_INDEX_FILES.meta), JSON.stringify({ format: 0 }));
    expect(() => ContentStore.open(storeDir).searchIndex()).toThrow(SearchIndexError);
    expect(() => ContentStore.open(storeDir).searchIndex()).toThrow(/is from another version\. Run `npm run build` again\./);
    await fs.rm(searchDir, { recursive: true });
    expect(ContentStore.open(storeDir).searchIndex()).toBeNull();
  }, 60_000);
});

describe("an archive above YUEDU_SEARCH_LIMIT", () => {
  it("is built without a search index, and the build says why", async () => {
    const { storeDir, result } = await buildStore(path.join(PROJECT_DIR, "content"), 3);
    expect(result.outcome).toBe("built");
    if (result.outcome === "built") expect(result.search?.skipped).toMatch(/14 articles are more than YUEDU_SEARCH_LIMIT \(3\)/);
    expect(existsSync(path.join(storeDir, SEARCH_INDEX_FOLDER))).toBe(false);
    const { readSiteConfig } = await import("../../site.config");
    expect(readSiteConfig({}).config.searchMaxArticles).toBeNull();
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "all" }).config.searchMaxArticles).toBeNull();
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "0" }).config.searchMaxArticles).toBe(0);
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "many" }).problems).toEqual(["YUEDU_SEARCH_LIMIT must be a whole number of at least 0 or “all” (got “many”)"]);
  }, 60_000);
});
