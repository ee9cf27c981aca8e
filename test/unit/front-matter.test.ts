import { describe, expect, it } from "vitest";
import { normalizeFrontMatter } from "../../lib/content/post/normalize-front-matter";
import { processFile } from "../../lib/content/post/process-file";
import { OPTIONS, expectOk, expectProblems, post, validFrontMatter } from "./helpers";

const run = (frontMatter: string, file = "文章.md", body?: string) => processFile(file, post(frontMatter, body), OPTIONS);
const normalize = (data: Parameters<typeof normalizeFrontMatter>[1]) =>
  normalizeFrontMatter("a/b.md", data, { timeZone: OPTIONS.timeZone, fallbackTitle: "备用标题" });

describe("front matter framing", () => {
  const text = "---\ntitle: '标题'\ndate: Thu, 06 Jan 2022 23:39:42 GMT\n---\n\n<div><p>正文</p></div>\n";

  it("accepts blank lines before the opening ---, as every corpus file has", () => {
    const article = expectOk(processFile("a.md", Buffer.from(`\n\n  \n${text}`), OPTIONS));
    expect(article.meta.title).toBe("标题");
    expect(article.body.html).toContain("正文");
  });

  it("accepts a UTF-8 BOM (EF BB BF)", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const article = expectOk(processFile("a.md", bytes, OPTIONS));
    expect(article.meta.title).toBe("标题");
    expect(article.meta.date).toBe("2022-01-06T23:39:42.000Z");
  });

  it("accepts a BOM followed by blank lines", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n\n${text}`)]);
    expect(expectOk(processFile("a.md", bytes, OPTIONS)).meta.title).toBe("标题");
  });

  it("accepts CRLF line endings and leaves no CR in the output", () => {
    const crlf = `\r\n${text}`.replace(/\n/g, "\r\n").replace(/\r\r\n/g, "\r\n");
    expect(crlf).toContain("\r\n---\r\n");
    const article = expectOk(processFile("a.md", Buffer.from(crlf), OPTIONS));
    expect(article.meta.title).toBe("标题");
    expect(article.meta.date).toBe("2022-01-06T23:39:42.000Z");
    expect(article.body.html).not.toContain("\r");
  });
});

describe("title", () => {
  it("decodes &#123; and &#125; to { and }", () => {
    const article = expectOk(run("title: 'Vue 的 &#123;&#123; 插值 &#125;&#125; 语法'\ndate: 2022-01-01 10:00:00"));
    expect(article.meta.title).toBe("Vue 的 {{ 插值 }} 语法");
  });

  it("decodes named references and collapses whitespace", () => {
    const article = expectOk(run("title: '  A &amp; B\u3000 C  '\ndate: 2022-01-01 10:00:00"));
    expect(article.meta.title).toBe("A & B C");
  });

  it("a blank title (' ') warns and falls back to the file name", () => {
    const article = expectOk(run("title: ' '\ndate: 2022-01-01 10:00:00", "资讯/Docker 发布.md"));
    expect(article.meta.title).toBe("Docker 发布");
    expect(article.warnings).toHaveLength(1);
    expect(article.warnings[0]).toContain("blank");
    expect(article.warnings[0]).toContain("Docker 发布");
  });

  it("a blank title in a file named ' .md' falls back to the body's first words", () => {
    const article = expectOk(run("title: ' '\ndate: 2022-01-01 10:00:00", "资讯/ .md", "<div><p>此版本已改为注册中心</p></div>"));
    expect(article.meta.title).toBe("此版本已改为注册中心");
    expect(article.warnings).toHaveLength(1);
  });

  it("a missing title is a 'title' problem", () => {
    const problems = expectProblems(run("date: 2022-01-01 10:00:00"));
    expect(problems.map((problem) => problem.kind)).toEqual(["title"]);
    expect(problems[0]?.file).toBe("文章.md");
  });

  it("an empty-string title is a 'title' problem that says how to fix it", () => {
    const problems = expectProblems(run("title: ''\ndate: 2022-01-01 10:00:00"));
    expect(problems.map((p) => p.kind)).toEqual(["title"]);
    expect(problems[0]?.message).toBe("title is empty: write the title between the quotes, e.g. `title: '…'`");
  });

  it("a list as title is a 'title' problem", () => {
    expect(expectProblems(run("title: [a, b]\ndate: 2022-01-01 10:00:00")).map((p) => p.kind)).toEqual(["title"]);
  });

  it("a numeric title is read as text", () => {
    expect(expectOk(run("title: 2046\ndate: 2022-01-01 10:00:00")).meta.title).toBe("2046");
  });
});

describe("date and updated", () => {
  const dateOf = (value: string) => expectOk(run(`title: t\ndate: ${value}`)).meta.date;

  it("reads RFC 1123 strings", () => {
    expect(dateOf("Thu, 06 Jan 2022 23:39:42 GMT")).toBe("2022-01-06T23:39:42.000Z");
  });

  it("reads a zone-less `YYYY-MM-DD HH:mm:ss` as Asia/Shanghai wall-clock time", () => {
    expect(dateOf("2021-12-31 23:59:59")).toBe("2021-12-31T15:59:59.000Z");
  });

  it("reads a zone-less date in the configured zone, not UTC", () => {
    const article = expectOk(processFile("a.md", post("title: t\ndate: 2021-03-22 04:50:47"), { ...OPTIONS, timeZone: "UTC" }));
    expect(article.meta.date).toBe("2021-03-22T04:50:47.000Z");
  });

  it("reads zone-less dates across daylight-saving time in a DST zone", () => {
    const inNewYork = (value: string) => expectOk(processFile("a.md", post(`title: t\ndate: ${value}`), { ...OPTIONS, timeZone: "America/New_York" })).meta.date;
    expect(inNewYork("2022-07-01 12:00:00")).toBe("2022-07-01T16:00:00.000Z");
    expect(inNewYork("2022-01-01 12:00:00")).toBe("2022-01-01T17:00:00.000Z");
  });

  it("reads slashes and single-digit fields", () => {
    expect(dateOf("2022/1/6 8:05")).toBe("2022-01-06T00:05:00.000Z");
  });

  it("reads RFC 1123 with a numeric offset", () => {
    expect(dateOf("Thu, 06 Jan 2022 23:39:42 +0800")).toBe("2022-01-06T15:39:42.000Z");
  });

  it("reads a date without time as midnight in the site's zone", () => {
    expect(dateOf("2022-01-06")).toBe("2022-01-05T16:00:00.000Z");
  });

  it("reads ISO 8601 with a zone", () => {
    expect(dateOf("2022-01-06T08:00:00+08:00")).toBe("2022-01-06T00:00:00.000Z");
    expect(dateOf("2022-01-06T08:00:00Z")).toBe("2022-01-06T08:00:00.000Z");
    expect(dateOf("'2022-01-06T08:00:00.000-05:00'")).toBe("2022-01-06T13:00:00.000Z");
  });

  it("an unreadable date is a 'date' problem naming the value", () => {
    const problems = expectProblems(run("title: t\ndate: next tuesday"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe("date");
    expect(problems[0]?.message).toContain("next tuesday");
  });

  it("an impossible calendar date is a 'date' problem", () => {
    const problems = expectProblems(run("title: t\ndate: 2022-02-30 10:00:00"));
    expect(problems.map((p) => p.kind)).toEqual(["date"]);
    expect(problems[0]?.message).toContain("2022-02-30 10:00:00");
  });

  it("a missing date is a 'date' problem", () => {
    expect(expectProblems(run("title: t")).map((p) => p.kind)).toEqual(["date"]);
  });

  it("reads `updated`, null when absent", () => {
    const article = expectOk(run("title: t\ndate: 2022-01-06 10:00:00\nupdated: 2022-01-07 10:30:00"));
    expect(article.meta.updated).toBe("2022-01-07T02:30:00.000Z");
    expect(expectOk(run("title: t\ndate: 2022-01-06 10:00:00")).meta.updated).toBeNull();
  });

  it("an unreadable `updated` is a 'date' problem naming it", () => {
    const problems = expectProblems(run("title: t\ndate: 2022-01-06 10:00:00\nupdated: soon"));
    expect(problems.map((p) => p.kind)).toEqual(["date"]);
    expect(problems[0]?.message).toContain("updated");
    expect(problems[0]?.message).toContain("soon");
  });

  it("normalizeFrontMatter accepts a Date object (as other YAML schemas deliver)", () => {
    const result = normalize({ title: "t", date: new Date("2022-01-06T23:39:42Z") });
    expect(result.problems).toEqual([]);
    expect(result.meta?.date).toBe("2022-01-06T23:39:42.000Z");
  });

  it("normalizeFrontMatter rejects an invalid Date object", () => {
    const result = normalize({ title: "t", date: new Date("nope") });
    expect(result.meta).toBeNull();
    expect(result.problems.map((p) => p.kind)).toEqual(["date"]);
  });
});

describe("categories", () => {
  const categoriesOf = (yaml: string) => expectOk(run(`${validFrontMatter()}\n${yaml}`)).meta.categories;

  it("a string is one category", () => {
    expect(categoriesOf("categories: 生活")).toEqual([["生活"]]);
  });

  it("a list is ONE nested path", () => {
    expect(categoriesOf("categories: \n - 新媒体\n - 36kr\n - 资讯")).toEqual([["新媒体", "36kr", "资讯"]]);
    expect(categoriesOf("categories: [新媒体, 36kr, 资讯]")).toEqual([["新媒体", "36kr", "资讯"]]);
  });

  it("a list of lists is several paths", () => {
    expect(categoriesOf("categories: [[生活, 读书], [科技]]")).toEqual([["生活", "读书"], ["科技"]]);
  });

  it("`category` is read when `categories` is absent", () => {
    expect(categoriesOf("category: 读书")).toEqual([["读书"]]);
  });

  it("no categories gives an empty list", () => {
    expect(categoriesOf("author: x")).toEqual([]);
  });

  it("a mapping is a 'categories' problem", () => {
    const problems = expectProblems(run(`${validFrontMatter()}\ncategories: {a: b}`));
    expect(problems.map((p) => p.kind)).toEqual(["categories"]);
  });

  it("a list holding a mapping is a 'categories' problem that names only the mapping", () => {
    const problems = expectProblems(run(`${validFrontMatter()}\ncategories: [生活, {a: b}]`));
    expect(problems.map((p) => p.kind)).toEqual(["categories"]);
    expect(problems[0]?.message).toBe('every category must be a name; found a mapping ({"a":"b"})');
  });

  it("a list of lists with a mapping inside is a 'categories' problem", () => {
    const problems = expectProblems(run(`${validFrontMatter()}\ncategories: [[生活, {a: b}], [科技]]`));
    expect(problems.map((p) => p.kind)).toEqual(["categories"]);
  });
});

describe("tags", () => {
  const tagsOf = (yaml: string) => expectOk(run(`${validFrontMatter()}\n${yaml}`)).meta.tags;

  it("a string is one tag", () => {
    expect(tagsOf("tags: 前端")).toEqual(["前端"]);
  });

  it("a list is several tags, de-duplicated", () => {
    expect(tagsOf("tags: [Vue, 前端, Vue]")).toEqual(["Vue", "前端"]);
  });

  it("no tags gives an empty list", () => {
    expect(tagsOf("author: x")).toEqual([]);
  });

  it("a mapping or a boolean is a 'tags' problem", () => {
    expect(expectProblems(run(`${validFrontMatter()}\ntags: {a: b}`)).map((p) => p.kind)).toEqual(["tags"]);
    expect(expectProblems(run(`${validFrontMatter()}\ntags: true`)).map((p) => p.kind)).toEqual(["tags"]);
    expect(expectProblems(run(`${validFrontMatter()}\ntags: [a, [b]]`)).map((p) => p.kind)).toEqual(["tags"]);
  });

  // An unquoted `推理: 成本` in a tag list is YAML for a mapping; the message points at it, not at the good tags.
  it("a list holding a mapping names only the mapping", () => {
    const [problem] = expectProblems(run(`${validFrontMatter()}\ntags:\n - 大模型\n - 推理: 成本`));
    expect(problem?.message).toBe('tags must be names; found a mapping ({"推理":"成本"})');
  });
});

describe("author, image, description", () => {
  const metaOf = (yaml: string) => expectOk(run(`${validFrontMatter()}\n${yaml}`)).meta;

  it("reads the author, null when absent", () => {
    expect(metaOf("author: 36kr").author).toBe("36kr");
    expect(metaOf("author: ' 张 三 '").author).toBe("张 三");
    expect(metaOf("comments: false").author).toBeNull();
  });

  it("a mapping author is an 'author' problem", () => {
    expect(expectProblems(run(`${validFrontMatter()}\nauthor: {name: x}`)).map((p) => p.kind)).toEqual(["author"]);
  });

  it("reads headimg, cover or thumbnail as the image", () => {
    expect(metaOf("headimg: 'https://picsum.photos/400/300?random=1'").image).toBe("https://picsum.photos/400/300?random=1");
    expect(metaOf("thumbnail: 'https://example.com/t.png'").image).toBe("https://example.com/t.png");
    expect(metaOf("cover: /images/c.jpg").image).toBe("/images/c.jpg");
    expect(metaOf("thumbnail: ''").image).toBeNull();
  });

  it("ignores a javascript: (or data:) image and uses the next one", () => {
    expect(metaOf("headimg: 'javascript:alert(1)'").image).toBeNull();
    expect(metaOf("cover: 'JavaScript:alert(1)'").image).toBeNull();
    expect(metaOf("cover: 'data:image/png;base64,AAAA'").image).toBeNull();
    expect(metaOf("headimg: 'javascript:alert(1)'\nthumbnail: 'https://example.com/t.png'").image).toBe("https://example.com/t.png");
    expect(metaOf("cover: '//evil.example/x.png'").image).toBeNull();
  });

  it("reads description, else excerpt, decoding references", () => {
    expect(metaOf("description: '一段 &#123;描述&#125;'").description).toBe("一段 {描述}");
    expect(metaOf("excerpt: 摘要").description).toBe("摘要");
    expect(metaOf("description: 描述\nexcerpt: 摘要").description).toBe("描述");
    expect(metaOf("author: x").description).toBeNull();
  });
});

describe("URL and drafts", () => {
  const metaOf = (yaml: string, file = "科技/Hello World 你好.md") => expectOk(run(`${validFrontMatter()}${yaml ? `\n${yaml}` : ""}`, file)).meta;

  it("the URL comes from the file name by default", () => {
    expect(metaOf("").slug).toBe("hello-world-你好");
  });

  it("`slug` fixes the URL", () => {
    expect(metaOf("slug: my-post").slug).toBe("my-post");
  });

  it("`abbrlink` fixes the URL", () => {
    expect(metaOf("abbrlink: a1b2c3").slug).toBe("a1b2c3");
    expect(metaOf("abbrlink: 12345").slug).toBe("12345");
  });

  it("`permalink` keeps only its last segment", () => {
    expect(metaOf("permalink: /2022/01/my-page.html").slug).toBe("my-page");
  });

  it("a slug with nothing URL-worthy is a 'slug' problem", () => {
    expect(expectProblems(run(`${validFrontMatter()}\nslug: '???'`)).map((p) => p.kind)).toEqual(["slug"]);
  });

  it("published: false and draft: true make a draft; default is not a draft", () => {
    expect(metaOf("").draft).toBe(false);
    expect(metaOf("published: false").draft).toBe(true);
    expect(metaOf("draft: true").draft).toBe(true);
    expect(metaOf("published: true").draft).toBe(false);
    expect(metaOf("draft: false").draft).toBe(false);
  });

  it("sourcePath is the relative path", () => {
    expect(metaOf("", "生活/读书/书.md").sourcePath).toBe("生活/读书/书.md");
  });
});

describe("normalizeFrontMatter", () => {
  it("reports every problem of a file at once", () => {
    const result = normalize({ date: "whenever", categories: { a: 1 }, tags: { b: 2 }, author: ["x"] });
    expect(result.meta).toBeNull();
    expect(result.problems.map((p) => p.kind).sort()).toEqual(["author", "categories", "date", "tags", "title"]);
    for (const problem of result.problems) expect(problem.file).toBe("a/b.md");
  });

  it("builds the checked meta from a raw mapping", () => {
    const result = normalize({
      title: "标题",
      date: "Thu, 06 Jan 2022 23:39:42 GMT",
      categories: [["生活", "读书"], "科技"],
      tags: "t",
      author: "36kr",
      headimg: "https://example.com/a.png",
      published: false,
    });
    expect(result.problems).toEqual([]);
    expect(result.meta).toEqual({
      slug: "b",
      sourcePath: "a/b.md",
      title: "标题",
      date: "2022-01-06T23:39:42.000Z",
      updated: null,
      author: "36kr",
      categories: [["生活", "读书"], ["科技"]],
      tags: ["t"],
      image: "https://example.com/a.png",
      description: null,
      draft: true,
    });
  });

  it("a blank title uses the fallback with a warning", () => {
    const result = normalize({ title: " \u3000", date: "2022-01-06 10:00:00" });
    expect(result.meta?.title).toBe("备用标题");
    expect(result.warnings).toEqual([expect.stringContaining("备用标题")]);
  });
});

describe("problem lines", () => {
  it("points each problem with a value at the line of its key, counting blank lines, a BOM and CRLF", () => {
    const text = [
      "\uFEFF",
      "",
      "---",
      "title: '行号'",
      "category:",
      "  科技: 人工智能",
      "date: 去年",
      "updated: 上周四",
      "tags:",
      "  - 推理: 成本",
      "excerpt: [1, 2]",
      "headimg: 7",
      "abbrlink: '。。。'",
      "---",
      "<p>正文</p>",
    ].join("\r\n");
    const lines = Object.fromEntries(expectProblems(processFile("a.md", Buffer.from(text), OPTIONS)).map((problem) => [problem.message.split(/[ “]/)[0], problem.line]));
    expect(lines).toEqual({ categories: 5, date: 7, updated: 8, tags: 9, excerpt: 11, headimg: 12, slug: 13 });
  });

  it("has no line for a key that is missing", () => {
    const [problem] = expectProblems(processFile("a.md", post("date: 2022-01-06 10:00:00"), OPTIONS));
    expect(problem).toEqual({ file: "a.md", kind: "title", message: "no title: add `title: '…'` to the front matter" });
  });
});
