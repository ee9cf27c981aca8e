import { promises as fs } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../lib/content/build-content";
import { invalidFiles } from "../../lib/content/problems";
import { MAX_FILE_BYTES, listSourceFiles } from "../../lib/content/source/read-source-files";
import { OPTIONS, PROJECT_DIR, tempDir, writeTree } from "./helpers";

const load = (contentDir: string) => loadContent({ contentDir, cacheDir: null, ...OPTIONS }, (article) => article);

const NOBODY = 65534;

/**
 * Root reads mode-000 files, so as root `task` runs with nobody's effective ids,
 * restored afterwards. That changes the whole process, which is safe because
 * vitest's default pool runs each test file in a process of its own.
 */
async function withoutRootPrivileges<T>(task: () => Promise<T>): Promise<T> {
  if (process.geteuid?.() !== 0 || !process.seteuid || !process.setegid) return task();
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return await task();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}

const good = (title: string, extra = "") =>
  `\n---\ntitle: '${title}'\ndate: Thu, 06 Jan 2022 23:39:42 GMT${extra ? `\n${extra}` : ""}\n---\n\n<div><p>${title} 的正文。</p></div>\n`;

describe("the content folder", () => {
  it("a missing folder is a 'content-dir' problem", async () => {
    const root = path.join(await tempDir(), "does-not-exist");
    const result = await load(root);
    expect(result.articles).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.kind).toBe("content-dir");
    expect(result.problems[0]?.message).toContain(root);
  });

  it("an empty folder is a 'content-dir' problem", async () => {
    const root = await tempDir();
    const result = await load(root);
    expect(result.problems.map((p) => p.kind)).toEqual(["content-dir"]);
    expect(result.fileCount).toBe(0);
  });

  it("a folder holding only non-post files is a 'content-dir' problem", async () => {
    const root = await tempDir();
    await writeTree(root, { "a.png": "x", "notes.json": "{}", ".hidden.md": good("隐藏") });
    expect((await load(root)).problems.map((p) => p.kind)).toEqual(["content-dir"]);
  });

  it("a file given as the folder is a 'content-dir' problem", async () => {
    const root = await tempDir();
    await writeTree(root, { "a.md": good("a") });
    expect((await load(path.join(root, "a.md"))).problems.map((p) => p.kind)).toEqual(["content-dir"]);
  });
});

describe("which files are read", () => {
  it("reads nested folders, odd file names and .md/.markdown/.html/.txt; ignores other endings and hidden files", async () => {
    const root = await tempDir();
    const files = {
      "新媒体/36kr/资讯/今年微信公开课，有关零售的四个关键场景.md": good("一"),
      "编程/开源中国/资讯/ .md": good("二"),
      "post/二次元/AGE 动漫 - 番剧详情/第1集 \"引号\" '单引号'.md": good("三"),
      "编程/掘金/分类/「Stacking」与「神经网络」？！.markdown": good("四"),
      "a/b/c/d/e/深层.html": good("五"),
      "纯文本.txt": good("六"),
      "大写.MD": good("七"),
      "图片.png": "not a post",
      "数据.json": "{}",
      "笔记.mdx": good("不读"),
      "README": good("不读"),
      ".git/config.md": good("不读"),
      ".草稿.md": good("不读"),
    };
    await writeTree(root, files);
    const listing = await listSourceFiles(root);
    expect(listing.problems).toEqual([]);
    expect(listing.files.map((file) => file.relativePath)).toEqual(
      [
        "新媒体/36kr/资讯/今年微信公开课，有关零售的四个关键场景.md",
        "编程/开源中国/资讯/ .md",
        "post/二次元/AGE 动漫 - 番剧详情/第1集 \"引号\" '单引号'.md",
        "编程/掘金/分类/「Stacking」与「神经网络」？！.markdown",
        "a/b/c/d/e/深层.html",
        "纯文本.txt",
        "大写.MD",
      ].sort(),
    );

    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.fileCount).toBe(7);
    expect(result.articles.map((article) => article.meta.title).sort()).toEqual(["一", "七", "三", "二", "五", "六", "四"].sort());
  });

  it("follows a symbolic link to a post kept elsewhere", async () => {
    const root = await tempDir();
    const elsewhere = await tempDir();
    await writeTree(elsewhere, { "外部.md": good("外部") });
    await writeTree(root, { "本地.md": good("本地") });
    await fs.symlink(path.join(elsewhere, "外部.md"), path.join(root, "链接.md"));
    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.meta.title).sort()).toEqual(["外部", "本地"].sort());
  });

  // Regression: found by this suite in lib/content/source/read-source-files.ts, fixed since.
  it("a symbolic link back to an ancestor folder does not list the same post again", async () => {
    const root = await tempDir();
    await writeTree(root, { "sub/a.md": good("a") });
    await fs.symlink("..", path.join(root, "sub/up"));
    const listing = await listSourceFiles(root);
    expect(listing.files.map((file) => file.relativePath)).toEqual(["sub/a.md"]);
  });
});

describe("files that cannot be used", () => {
  it("a broken symbolic link is a 'read-error'", async () => {
    const root = await tempDir();
    await writeTree(root, { "好.md": good("好") });
    await fs.symlink(path.join(root, "nowhere.md"), path.join(root, "坏链接.md"));
    const result = await load(root);
    expect(result.articles).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ file: "坏链接.md", kind: "read-error" })]);
  });

  it("an unreadable file (mode 000) is a 'read-error: permission denied'", async (context) => {
    const root = await tempDir();
    await writeTree(root, { "好.md": good("好"), "锁住.md": good("锁住") });
    const locked = path.join(root, "锁住.md");
    await fs.chmod(locked, 0o000);
    // The load may run as nobody (below), who must be able to enter the folder.
    await fs.chmod(root, 0o755);
    try {
      const result = await withoutRootPrivileges(async () => {
        // A real read, not access(): access() checks the real user, which stays root.
        const readable = await fs.readFile(locked).then(
          () => true,
          () => false,
        );
        if (readable) context.skip("skipped: this user can read mode-000 files (CAP_DAC_OVERRIDE)");
        return load(root);
      });
      expect(result.articles.map((a) => a.meta.title)).toEqual(["好"]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ file: "锁住.md", kind: "read-error" });
      expect(result.problems[0]?.message).toContain("permission denied");
    } finally {
      await fs.chmod(locked, 0o600);
    }
  });

  it("a file over 5 MB is 'too-large' and is not read", async () => {
    const root = await tempDir();
    const header = "---\ntitle: 大文件\ndate: 2022-01-01 10:00:00\n---\n";
    const big = Buffer.concat([Buffer.from(header), Buffer.alloc(MAX_FILE_BYTES + 1 - Buffer.byteLength(header), "a")]);
    expect(big.length).toBe(MAX_FILE_BYTES + 1);
    await writeTree(root, { "大.md": big, "小.md": good("小") });
    const result = await load(root);
    expect(result.articles.map((a) => a.meta.title)).toEqual(["小"]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: "大.md", kind: "too-large" });
    expect(result.problems[0]?.message).toContain("5 MB");
  });

  it("a file of exactly 5 MB is still read", async () => {
    const root = await tempDir();
    const header = "---\ntitle: 刚好\ndate: 2022-01-01 10:00:00\n---\n<p>";
    const body = Buffer.concat([Buffer.from(header), Buffer.alloc(MAX_FILE_BYTES - Buffer.byteLength(header) - 4, "a"), Buffer.from("</p>")]);
    expect(body.length).toBe(MAX_FILE_BYTES);
    await writeTree(root, { "刚好.md": body });
    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.articles).toHaveLength(1);
  });
});

describe("reporting", () => {
  it("two files with the same URL each get a 'duplicate-url' problem naming the other", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "生活/同名.md": good("一"),
      "科技/同名.md": good("二"),
      "商业/别的.md": good("三", "slug: 同名"),
      "其他.md": good("四"),
    });
    const result = await load(root);
    const duplicates = result.problems.filter((p) => p.kind === "duplicate-url");
    expect(duplicates).toHaveLength(3);
    const byFile = new Map(duplicates.map((p) => [p.file, p.message]));
    expect([...byFile.keys()].sort()).toEqual(["商业/别的.md", "生活/同名.md", "科技/同名.md"].sort());
    expect(byFile.get("生活/同名.md")).toContain("科技/同名.md");
    expect(byFile.get("生活/同名.md")).toContain("商业/别的.md");
    expect(byFile.get("生活/同名.md")).not.toContain("生活/同名.md");
    expect(byFile.get("科技/同名.md")).toContain("生活/同名.md");
    expect(byFile.get("商业/别的.md")).toContain("/articles/同名");
    expect(result.problems.filter((p) => p.kind !== "duplicate-url")).toEqual([]);
  });

  it("exactly two files sharing a URL: one problem each, naming the other", async () => {
    const root = await tempDir();
    await writeTree(root, { "a/文章.md": good("一"), "b/文章.md": good("二") });
    const duplicates = (await load(root)).problems;
    expect(duplicates).toHaveLength(2);
    expect(duplicates.find((p) => p.file === "a/文章.md")).toMatchObject({ kind: "duplicate-url", message: expect.stringContaining("b/文章.md") });
    expect(duplicates.find((p) => p.file === "b/文章.md")).toMatchObject({ kind: "duplicate-url", message: expect.stringContaining("a/文章.md") });
  });

  it("a draft does not clash with a published post's URL", async () => {
    const root = await tempDir();
    await writeTree(root, { "a/文章.md": good("一"), "b/文章.md": good("二", "draft: true") });
    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.drafts).toEqual(["b/文章.md"]);
  });

  it("reports ALL problems of several broken files in one run, and still loads the good ones", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "好/一.md": good("一"),
      "好/二.md": good("二"),
      "坏/yaml.md": "\n---\ntitle: \"\"\"bad\"\"\"\ndate: 2022-01-01 10:00:00\n---\n<p>x</p>\n",
      "坏/无头.md": "<p>没有 front matter</p>\n",
      "坏/未闭合.md": "---\ntitle: t\n<p>x</p>\n",
      "坏/空.md": "",
      "坏/二进制.md": Buffer.from([0x00, 0x01, 0x02, 0x03]),
      "坏/多处.md": "---\ndate: someday\ncategories: {a: b}\ntags: {c: d}\n---\n<p>x</p>\n",
      "坏/分类.md": good("分类", "categories: [生活, {a: b}]"),
      "坏/重复甲/同名.md": good("甲"),
      "坏/重复乙/同名.md": good("乙"),
    });
    const result = await load(root);
    // Files that share a URL are valid on their own, so they stay in `articles`; the build drops every file in invalidFiles().
    expect(result.articles.map((a) => a.meta.title).sort()).toEqual(["一", "二", "甲", "乙"].sort());
    const invalid = invalidFiles(result.problems);
    expect(result.articles.filter((a) => !invalid.has(a.meta.sourcePath)).map((a) => a.meta.title).sort()).toEqual(["一", "二"].sort());
    expect(result.fileCount).toBe(11);
    const kindsByFile = new Map<string, string[]>();
    for (const problem of result.problems) kindsByFile.set(problem.file, [...(kindsByFile.get(problem.file) ?? []), problem.kind]);
    expect(Object.fromEntries([...kindsByFile].map(([file, kinds]) => [file, kinds.sort()]))).toEqual({
      "坏/yaml.md": ["yaml"],
      "坏/无头.md": ["no-front-matter"],
      "坏/未闭合.md": ["no-front-matter"],
      "坏/空.md": ["empty"],
      "坏/二进制.md": ["binary"],
      "坏/多处.md": ["categories", "date", "tags", "title"],
      "坏/分类.md": ["categories"],
      "坏/重复甲/同名.md": ["duplicate-url"],
      "坏/重复乙/同名.md": ["duplicate-url"],
    });
    expect(invalid.size).toBe(9);
  });

  // Regression: found by this suite in lib/content/source/read-source-files.ts, fixed since.
  it("a GBK file among others is one 'encoding' problem, not a crash", async () => {
    const root = await tempDir();
    const gbk = Buffer.from(Array.from({ length: 100 }, () => [0xd6, 0xd0, 0xce, 0xc4]).flat());
    await writeTree(root, {
      "好.md": good("好"),
      "gbk.md": Buffer.concat([Buffer.from("---\ntitle: t\ndate: 2022-01-01 10:00:00\n---\n"), gbk]),
    });
    const result = await load(root);
    expect(result.articles).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ file: "gbk.md", kind: "encoding", message: expect.stringContaining("GBK") })]);
  });

  it("drafts (published: false, draft: true) are listed in `drafts`, not in `articles`", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "发布.md": good("发布"),
      "草稿/未发布.md": good("未发布", "published: false"),
      "草稿/草稿.md": good("草稿", "draft: true"),
    });
    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.meta.title)).toEqual(["发布"]);
    expect(result.drafts.sort()).toEqual(["草稿/未发布.md", "草稿/草稿.md"].sort());
  });

  it("collects warnings with the file they belong to", async () => {
    const root = await tempDir();
    await writeTree(root, { "资讯/空标题.md": "---\ntitle: ' '\ndate: 2022-01-01 10:00:00\n---\n<p>x</p>\n" });
    const result = await load(root);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ file: "资讯/空标题.md", message: expect.stringContaining("空标题") }]);
  });
});

describe("the project's own content/ folder", () => {
  it("loads without problems and has at least 12 articles", async () => {
    const result = await load(path.join(PROJECT_DIR, "content"));
    expect(result.problems).toEqual([]);
    expect(result.articles.length).toBeGreaterThanOrEqual(12);
    for (const article of result.articles) {
      expect(article.meta.title).not.toBe("");
      expect(article.body.html).not.toMatch(/<script|<style| style=/i);
    }
  });
});
