import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../lib/content/build-content";
import { searchRecordHtml } from "../../lib/content/search/build-search-index";
import { SEARCH_INDEX_FOLDER, SEARCH_LANGUAGE } from "../../lib/search/search-index-format";
import { ContentStore } from "../../lib/store/read-store";
import { readSearchIndexFile } from "../../lib/store/search-index-files";
import { OPTIONS, PROJECT_DIR, tempDir } from "./helpers";

const progress = { loaded: () => undefined, skipping: () => undefined };
const formatDate = (iso: string) => iso.slice(0, 10);

describe("the search index, built from the store with Pagefind", () => {
  let storeDir = "";
  let searchDir = "";
  beforeAll(async () => {
    storeDir = path.join(await tempDir("yuedu-search-"), "store");
    const result = await buildContent(
      { ...OPTIONS, contentDir: path.join(PROJECT_DIR, "content"), cacheDir: null, storeDir, mode: "build", skipInvalid: false, searchIndex: { formatDate } },
      progress,
    );
    expect(result.outcome).toBe("built");
    if (result.outcome === "built") expect(result.search?.articles).toBe(result.articles);
    searchDir = path.join(storeDir, SEARCH_INDEX_FOLDER);
  }, 60_000);

  it("is a folder of the store, with every article in one language that Pagefind neither segments nor stems", () => {
    const entry: unknown = JSON.parse(readFileSync(path.join(searchDir, "pagefind-entry.json"), "utf8"));
    const store = ContentStore.open(storeDir);
    expect(entry).toMatchObject({ languages: { [SEARCH_LANGUAGE]: { page_count: store.articleCount } } });
    store.close();
    expect(existsSync(path.join(searchDir, "wasm.unknown.pagefind"))).toBe(true);
    // Pagefind's own interfaces are not shipped: the site has its own.
    expect(readdirSync(searchDir).filter((name) => /ui|highlight|playground/.test(name))).toEqual([]);
  });

  it("is served file by file from the store, and nothing outside it is", async () => {
    const previous = process.env.YUEDU_STORE_DIR;
    process.env.YUEDU_STORE_DIR = storeDir;
    try {
      const script = await readSearchIndexFile(["pagefind.js"]);
      expect(script?.contentType).toMatch(/javascript/);
      expect(script?.immutable).toBe(false);
      const [chunk] = readdirSync(path.join(searchDir, "index"));
      expect((await readSearchIndexFile(["index", chunk ?? ""]))?.immutable).toBe(true);
      for (const attempt of [["..", "manifest.json"], ["../manifest.json"], ["index", "..", "..", "manifest.json"], [".hidden"], ["other", "x"], ["manifest.json"], []]) {
        expect(await readSearchIndexFile(attempt), attempt.join("/")).toBeNull();
      }
    } finally {
      if (previous === undefined) delete process.env.YUEDU_STORE_DIR;
      else process.env.YUEDU_STORE_DIR = previous;
    }
  });
});

describe("an archive above YUEDU_SEARCH_LIMIT", () => {
  it("is built without a search index, and the build says why", async () => {
    const storeDir = path.join(await tempDir("yuedu-search-limit-"), "store");
    const result = await buildContent(
      { ...OPTIONS, contentDir: path.join(PROJECT_DIR, "content"), cacheDir: null, storeDir, mode: "build", skipInvalid: false, searchIndex: { formatDate, maxArticles: 3 } },
      progress,
    );
    expect(result.outcome).toBe("built");
    if (result.outcome === "built") expect(result.search?.skipped).toMatch(/14 articles are more than YUEDU_SEARCH_LIMIT \(3\)/);
    expect(existsSync(path.join(storeDir, SEARCH_INDEX_FOLDER))).toBe(false);
    const { readSiteConfig } = await import("../../site.config");
    expect(readSiteConfig({}).config.searchMaxArticles).toBe(5000);
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "all" }).config.searchMaxArticles).toBeNull();
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "0" }).config.searchMaxArticles).toBe(0);
    expect(readSiteConfig({ YUEDU_SEARCH_LIMIT: "many" }).problems).toEqual(["YUEDU_SEARCH_LIMIT must be a whole number of at least 0 or “all” (got “many”)"]);
  }, 60_000);
});

describe("an article's record", () => {
  it("escapes what the post says and keeps the title first, as the heading Pagefind ranks highest", () => {
    const summary = {
      id: 0,
      slug: "x",
      title: `<script>alert(1)</script>"周大福"`,
      titleBreaks: [],
      excerpt: "",
      date: "2024-01-02T03:04:05.000Z",
      updated: null,
      author: { name: `a"><img src=x onerror=alert(1)>`, segment: "a" },
      categories: [{ names: ["科技", "AI & <b>"], segments: ["科技", "ai"] }],
      tags: [],
      image: null,
      readingMinutes: 1,
      entities: [],
    };
    const html = searchRecordHtml(summary, { description: null, html: "<p>正文 &amp; <b>内容</b></p>", headings: [] }, { formatDate });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(`content="&lt;script&gt;alert(1)&lt;/script&gt;&quot;周大福&quot;"`);
    expect(html).toContain(`data-pagefind-filter="top[content]" content="科技"`);
    expect(html.indexOf("<h1>")).toBeLessThan(html.indexOf("<p>"));
    expect(html).toContain("正文");
  });
});
