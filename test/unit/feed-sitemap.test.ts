import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import type { ArticleDocument, ArticleSummary } from "../../lib/store/model";
import { atomFeed } from "../../lib/site/feed";
import { sitemapFile, sitemapFileCount, sitemapIndex, sitemapUrlCount, sitemapUrls } from "../../lib/site/sitemap";
import { xmlAttribute, xmlText } from "../../lib/site/xml";
import { FRONT_MATTER_VECTORS } from "../fixtures/hostile/vectors";
import { parseXml } from "./helpers";
import { siteFrom, type BuiltSite } from "./site-store";

const SITE = { title: "阅读 & <测试>", description: "好读的 \"文章\"", baseUrl: "https://read.example.com", language: "zh-CN" };
const ATOM = "http://www.w3.org/2005/Atom";
/** What XML 1.0 cannot carry at all: C0 controls but tab/newline/return, lone surrogates (a low one, then a high one with no low after it), U+FFFE/U+FFFF. */
const UNWRITABLE = "\u0000\u0001\u0008\u000B\u000C\u001B\u001F\uDFFF\uD800\uFFFE\uFFFF";

function summary(slug: string, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: 0,
    slug,
    title: `标题 ${slug}`,
    titleBreaks: [],
    excerpt: `摘要 ${slug}`,
    date: "2022-01-06T23:39:42.000Z",
    updated: null,
    author: { name: "林知远", segment: "林知远" },
    categories: [{ names: ["新媒体", "36kr"], segments: ["新媒体", "36kr"] }],
    tags: [],
    image: null,
    readingMinutes: 1,
    entities: [],
    ...overrides,
  };
}

function documentOf(articleSummary: ArticleSummary, html = "<p>正文</p>"): ArticleDocument {
  return { summary: articleSummary, description: null, html, headings: [], entities: [], previous: null, next: null, related: [] };
}

function entries(feed: Document): Element[] {
  return Array.from(feed.getElementsByTagNameNS(ATOM, "entry"));
}

function childText(element: Element, name: string): string | null {
  return Array.from(element.children).find((child) => child.localName === name)?.textContent ?? null;
}

describe("xmlText", () => {
  it("escapes markup and both quotes, and drops what XML cannot hold", () => {
    expect(xmlText(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;");
    expect(xmlText(`a${UNWRITABLE}b`)).toBe("ab");
    expect(xmlText("tab\tline\nreturn\r 表情😀 \u2028")).toBe("tab\tline\nreturn\r 表情😀 \u2028");
    // Parsers turn these into spaces inside attributes; references keep them.
    expect(xmlAttribute("tab\tline\nreturn\r\"")).toBe("tab&#9;line&#10;return&#13;&quot;");
  });
});

describe("the Atom feed", () => {
  const html = `<h2 id="一">一</h2><p>看 <a href="#一">这里</a> 和 <img src="/images/a.png" alt="图" referrerpolicy="no-referrer"></p><pre><code>if (a &lt; b &amp;&amp; c) {}</code></pre>`;
  const feed = parseXml(atomFeed(SITE, [documentOf(summary("第一篇", { updated: "2022-02-01T00:00:00.000Z", tags: [{ name: "AI", segment: "ai" }] }), html), documentOf(summary("第二篇", { author: null }))], "2022-03-01T00:00:00.000Z"));

  it("is a well-formed Atom document describing the site", () => {
    const root = feed.documentElement;
    expect(root.namespaceURI).toBe(ATOM);
    expect(root.getAttribute("xml:lang")).toBe("zh-CN");
    expect(childText(root, "title")).toBe(SITE.title);
    expect(childText(root, "subtitle")).toBe(SITE.description);
    expect(childText(root, "id")).toBe("https://read.example.com/");
    // The newest change of any entry, the first one's `updated` here.
    expect(childText(root, "updated")).toBe("2022-02-01T00:00:00.000Z");
    const self = Array.from(root.children).find((child) => child.localName === "link" && child.getAttribute("rel") === "self");
    expect(self?.getAttribute("href")).toBe("https://read.example.com/feed.xml");
  });

  it("carries each article whole: link, dates, author, categories, tags, summary and the sanitized body", () => {
    const [first, second] = entries(feed);
    if (!first || !second) throw new Error("two entries expected");
    const link = "https://read.example.com/articles/%E7%AC%AC%E4%B8%80%E7%AF%87";
    expect(childText(first, "title")).toBe("标题 第一篇");
    expect(childText(first, "id")).toBe(link);
    expect(first.getElementsByTagNameNS(ATOM, "link")[0]?.getAttribute("href")).toBe(link);
    expect(childText(first, "published")).toBe("2022-01-06T23:39:42.000Z");
    expect(childText(first, "updated")).toBe("2022-02-01T00:00:00.000Z");
    expect(childText(first, "summary")).toBe("摘要 第一篇");
    const author = first.getElementsByTagNameNS(ATOM, "author")[0];
    expect(author && childText(author, "name")).toBe("林知远");
    expect(author && childText(author, "uri")).toBe("https://read.example.com/authors/%E6%9E%97%E7%9F%A5%E8%BF%9C");
    const terms = Array.from(first.getElementsByTagNameNS(ATOM, "category")).map((category) => category.getAttribute("term"));
    expect(terms).toEqual(["新媒体/36kr", "AI"]);
    const content = first.getElementsByTagNameNS(ATOM, "content")[0];
    expect(content?.getAttribute("type")).toBe("html");
    // Relative links and images resolve against the article, as they do on the site.
    expect(content?.getAttribute("xml:base")).toBe(link);
    expect(content?.textContent).toBe(html);
    // Atom wants an author for every entry: the feed-level one (the site) covers posts without one.
    expect(second.getElementsByTagNameNS(ATOM, "author")).toHaveLength(0);
    expect(childText(second, "updated")).toBe("2022-01-06T23:39:42.000Z");
  });

  it("stays well-formed with every hostile front matter value, carrying each as plain text", () => {
    const values = FRONT_MATTER_VECTORS.flatMap((vector) => (Array.isArray(vector.value) ? vector.value : [vector.value]));
    expect(values.length).toBeGreaterThan(40);
    const hostile = values.map((value, at) =>
      documentOf(
        summary(`h${at}`, {
          title: `${value}${UNWRITABLE}`,
          excerpt: value,
          author: { name: value, segment: `a${at}` },
          categories: [{ names: [value, "]]>"], segments: [`c${at}`, "x"] }],
          tags: [{ name: value, segment: `t${at}` }],
        }),
        `<p title="${value.replaceAll('"', "&quot;")}">]]&gt; ${value.replaceAll("<", "&lt;")}</p>`,
      ),
    );
    const parsed = parseXml(atomFeed({ ...SITE, title: `${SITE.title}${UNWRITABLE}` }, hostile, "2022-03-01T00:00:00.000Z"));
    const parsedEntries = entries(parsed);
    expect(parsedEntries).toHaveLength(hostile.length);
    parsedEntries.forEach((entry, at) => {
      const value = values[at] ?? "";
      const writable = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
      expect(childText(entry, "title")).toBe(writable);
      expect(childText(entry, "summary")).toBe(writable);
      expect(entry.getElementsByTagNameNS(ATOM, "category")[0]?.getAttribute("term")).toBe(`${writable}/]]>`);
      // Nothing from the content became an element of the feed.
      expect(Array.from(entry.children).map((child) => child.localName)).toEqual(["title", "link", "id", "published", "updated", "author", "category", "category", "summary", "content"]);
    });
  });
});

describe("the sitemaps", () => {
  /** `count` articles a0, a1, …; a0 is in a sub-category, has an author and a tag, and was updated. */
  async function builtSite(count: number): Promise<BuiltSite> {
    const parsed = Array.from({ length: count }, (_, at): ParsedArticle => ({
      meta: {
        slug: `a${at}`,
        sourcePath: `a${at}.md`,
        title: `标题 a${at}`,
        date: "2022-01-06T23:39:42.000Z",
        updated: at === 0 ? "2022-05-01T00:00:00.000Z" : null,
        author: at === 0 ? "林知远" : null,
        categories: [at === 0 ? ["新媒体", "36kr & co"] : ["新媒体"]],
        tags: at === 0 ? ["C++"] : [],
        image: null,
        description: null,
        draft: false,
      },
      body: { html: "<p>正文</p>", headings: [], entities: [], partialWordLinks: [], textStart: "正文", hanCount: 2, latinWordCount: 0 },
      warnings: [],
    }));
    return siteFrom(parsed, new Date("2022-06-01T00:00:00Z"));
  }

  it("lists the index pages, every article, every category level, author and tag, once each", async () => {
    const { store } = await builtSite(3);
    const urls = sitemapUrls(store);
    expect(urls.map((url) => url.path)).toEqual([
      "/",
      "/categories",
      "/authors",
      "/tags",
      "/articles/a0",
      "/articles/a1",
      "/articles/a2",
      "/categories/%E6%96%B0%E5%AA%92%E4%BD%93",
      "/categories/%E6%96%B0%E5%AA%92%E4%BD%93/36kr--co",
      "/authors/%E6%9E%97%E7%9F%A5%E8%BF%9C",
      "/tags/c",
    ]);
    expect(sitemapUrlCount(store)).toBe(urls.length);
    expect(urls[4]?.lastModified).toBe("2022-05-01T00:00:00.000Z");
    expect(urls[5]?.lastModified).toBe("2022-01-06T23:39:42.000Z");
  });

  it("splits into files of at most the protocol's limit, each well-formed, all listed in the index", async () => {
    const { store } = await builtSite(25);
    const all = sitemapUrls(store);
    expect(all).toHaveLength(33);
    expect(sitemapFileCount(all.length, 10)).toBe(4);
    const locs = [1, 2, 3, 4].flatMap((number) => {
      const xml = sitemapFile("https://read.example.com", store, number, 10);
      if (xml === null) throw new Error(`file ${number} missing`);
      return Array.from(parseXml(xml).getElementsByTagName("loc")).map((loc) => loc.textContent);
    });
    expect(locs).toEqual(all.map((url) => `https://read.example.com${url.path}`));
    expect(sitemapFile("https://read.example.com", store, 5, 10)).toBeNull();
    expect(sitemapFile("https://read.example.com", store, 0, 10)).toBeNull();
    const index = parseXml(sitemapIndex("https://read.example.com", all.length, "2022-06-01T00:00:00.000Z", 10));
    expect(Array.from(index.getElementsByTagName("loc")).map((loc) => loc.textContent)).toEqual([1, 2, 3, 4].map((n) => `https://read.example.com/sitemaps/${n}.xml`));
  });

  it("always has at least one file", () => {
    expect(sitemapFileCount(0)).toBe(1);
    expect(sitemapFileCount(50_000)).toBe(1);
    expect(sitemapFileCount(50_001)).toBe(2);
  });
});
