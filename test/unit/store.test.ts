import { promises as fs } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../lib/content/build-content";
import { CACHE_PACK_FILE } from "../../lib/content/cache/post-result-cache";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import { STORE_FILES, STORE_FORMAT_VERSION, STORE_MANIFEST_FILE } from "../../lib/store/format";
import { currentStore, StoreMissingError } from "../../lib/store/read-store";
import { OPTIONS, tempDir, writeTree } from "./helpers";
import { siteFrom, type BuiltSite } from "./site-store";

function postText(title: string, body: string): string {
  return `\n---\ntitle: '${title}'\ndate: Thu, 06 Jan 2022 23:39:42 GMT\ncategories:\n- 新媒体\n---\n\n<div><h2>一节</h2><p>${body}</p><h2>二节</h2><p>${body}</p></div>\n`;
}

const POSTS = {
  "一.md": postText("第一篇", "微信和支付宝。"),
  "二/二.md": postText("第二篇", "换行\n之后"),
  "三 空格.md": postText("第三篇", "含 \"引号\" 与 \\ 反斜杠"),
};

async function site(): Promise<{ contentDir: string; cacheDir: string; storeDir: string }> {
  const root = await tempDir("yuedu-store-");
  const contentDir = path.join(root, "content");
  await writeTree(contentDir, POSTS);
  return { contentDir, cacheDir: path.join(root, "cache"), storeDir: path.join(root, "store") };
}

const keepArticle = (article: ParsedArticle): ParsedArticle => article;

async function packLines(cacheDir: string): Promise<string[]> {
  const text = await fs.readFile(path.join(cacheDir, CACHE_PACK_FILE), "utf8");
  return text.split("\n").filter((line) => line !== "");
}

describe("the sanitizing cache (one pack file per cache folder)", () => {
  it("gives a second build every file from the cache, with the same results", async () => {
    const { contentDir, cacheDir } = await site();
    const first = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(first.cacheHits).toBe(0);
    expect(first.articles).toHaveLength(3);
    const second = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(second.cacheHits).toBe(3);
    expect(second.articles).toEqual(first.articles);
    expect(await fs.readdir(cacheDir)).toEqual([CACHE_PACK_FILE]);
  });

  it("keeps only what the last build used: an edited file's old result and a removed file's leave the pack", async () => {
    const { contentDir, cacheDir } = await site();
    await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(await packLines(cacheDir)).toHaveLength(3);
    await fs.writeFile(path.join(contentDir, "一.md"), postText("第一篇（改）", "改过"));
    await fs.rm(path.join(contentDir, "二/二.md"));
    const edited = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(edited.cacheHits).toBe(1);
    expect(edited.articles.map((article) => article.meta.title).sort()).toEqual(["第一篇（改）", "第三篇"]);
    expect(await packLines(cacheDir)).toHaveLength(2);
    const again = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(again.cacheHits).toBe(2);
  });

  it("keeps a broken file's problems too, so they are reported again without re-reading it", async () => {
    const { contentDir, cacheDir } = await site();
    await writeTree(contentDir, { "坏.md": "\n---\ntitle: [unclosed\n---\n\n<p>x</p>\n" });
    const first = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    const second = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(second.cacheHits).toBe(4);
    expect(second.problems).toEqual(first.problems);
    expect(second.problems.map((problem) => problem.file)).toEqual(["坏.md"]);
  });

  it("ignores damaged lines and a torn last line, and rebuilds those files", async () => {
    const { contentDir, cacheDir } = await site();
    await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    const [first = "", second = "", third = ""] = await packLines(cacheDir);
    const damaged = `${first}\nnot a key {"ok":true}\n${second.slice(0, 64)} {"ok":tru\n${third.slice(0, 100)}`;
    await fs.writeFile(path.join(cacheDir, CACHE_PACK_FILE), damaged);
    const loaded = await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect(loaded.cacheHits).toBe(1);
    expect(loaded.articles).toHaveLength(3);
    expect(await packLines(cacheDir)).toHaveLength(3);
  });

  it("removes the one-file-per-result folders of earlier versions", async () => {
    const { contentDir, cacheDir } = await site();
    await writeTree(cacheDir, { "ab/ab12.json": "{}", "0f/0f34.json": "{}", "keep-me/x.json": "{}" });
    await loadContent({ contentDir, cacheDir, ...OPTIONS }, keepArticle);
    expect((await fs.readdir(cacheDir)).sort()).toEqual(["keep-me", CACHE_PACK_FILE]);
  });

  it("builds anyway when the cache cannot be written", async () => {
    const { contentDir } = await site();
    const blocker = path.join(await tempDir(), "a-file");
    await fs.writeFile(blocker, "not a folder");
    const loaded = await loadContent({ contentDir, cacheDir: path.join(blocker, "cache"), ...OPTIONS }, keepArticle);
    expect(loaded.articles).toHaveLength(3);
    expect(loaded.problems).toEqual([]);
  });
});

describe("the content store (a manifest and record files, read a record at a time)", () => {
  const savedStoreDir = process.env.YUEDU_STORE_DIR;
  afterEach(() => {
    if (savedStoreDir === undefined) delete process.env.YUEDU_STORE_DIR;
    else process.env.YUEDU_STORE_DIR = savedStoreDir;
  });

  async function writtenStore(): Promise<{ storeDir: string; built: BuiltSite }> {
    const { contentDir, storeDir } = await site();
    const loaded = await loadContent({ contentDir, cacheDir: null, ...OPTIONS }, (article) => article);
    const built = await siteFrom(loaded.articles, new Date("2024-05-01T00:00:00Z"), storeDir);
    built.store.close();
    process.env.YUEDU_STORE_DIR = storeDir;
    return { storeDir, built };
  }

  it("reads back every article's document, by slug, exactly as written", async () => {
    const { storeDir, built } = await writtenStore();
    expect((await fs.readdir(storeDir)).sort()).toEqual(Object.values(STORE_FILES).sort());
    expect(currentStore().newest(10)).toEqual(built.summaries);
    for (const document of built.documents) expect(currentStore().document(document.summary.slug)).toEqual(document);
    expect(currentStore().document("no-such-article")).toBeNull();
    // The parts an article page sends once, as its islands and their endpoint read them.
    for (const document of built.documents) expect(currentStore().articleParts(document.summary.slug)).toEqual({ html: document.html, entities: document.entities });
    expect(currentStore().articleParts("no-such-article")).toBeNull();
  });

  it("picks up a rebuilt store (development: the server keeps running)", async () => {
    const { storeDir, built } = await writtenStore();
    const [first] = built.documents;
    if (!first) throw new Error("no documents");
    expect(currentStore().document(first.summary.slug)?.summary.title).toBe(first.summary.title);
    await siteFrom(
      built.documents.map((document) => ({
        meta: { slug: document.summary.slug, sourcePath: `${document.summary.slug}.md`, title: `新 ${document.summary.title}`, date: document.summary.date, updated: null, author: null, categories: [], tags: [], image: null, description: null, draft: false },
        body: { html: document.html, headings: document.headings, entities: [], partialWordLinks: [], textStart: "", hanCount: 1, latinWordCount: 0 },
        warnings: [],
      })),
      new Date("2024-05-02T00:00:00Z"),
      storeDir,
    );
    expect(currentStore().document(first.summary.slug)?.summary.title).toBe(`新 ${first.summary.title}`);
  });

  it("names a damaged documents file instead of serving a wrong article", async () => {
    const { storeDir } = await writtenStore();
    const documents = path.join(storeDir, STORE_FILES.documents);
    await fs.truncate(documents, (await fs.stat(documents)).size - 10);
    // A new mtime on the manifest makes the (development-mode) reader load the store again.
    const manifestFile = path.join(storeDir, STORE_MANIFEST_FILE);
    await fs.utimes(manifestFile, new Date(), new Date(Date.now() + 5000));
    expect(() => currentStore()).toThrow(StoreMissingError);
    expect(() => currentStore()).toThrow(/is damaged\. Run `npm run build` again/);
  });

  it("refuses a store of another version", async () => {
    const { storeDir } = await writtenStore();
    const manifestFile = path.join(storeDir, STORE_MANIFEST_FILE);
    const text = await fs.readFile(manifestFile, "utf8");
    expect(text).toMatch(/^\{"formatVersion":\d+,/);
    await fs.writeFile(manifestFile, text.replace(/^\{"formatVersion":\d+,/, `{"formatVersion":${STORE_FORMAT_VERSION - 1},`));
    expect(() => currentStore()).toThrow(/from another version/);
  });

  it("says how to make a missing store", async () => {
    process.env.YUEDU_STORE_DIR = path.join(await tempDir(), "nothing-here");
    expect(() => currentStore()).toThrow(/No content store at .*nothing-here.*Run `npm run build`/);
  });
});
