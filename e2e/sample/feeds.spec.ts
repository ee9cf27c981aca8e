/**
 * What feed readers and search engines fetch: the Atom feed, the sitemaps and
 * robots.txt, written by the build from the same store as the pages.
 */
import { ContentStore } from "../../lib/store/read-store";
import type { ListRef } from "../../lib/store/model";
import { urls } from "../../lib/site/urls";
import { expect, parseXmlInBrowser, readStoredArticles, storeDirOf, test } from "../fixtures";

/** Every list of the sample site but home: its page, and the titles of its newest 20 articles. */
function storedLists(): { page: string; titles: string[] }[] {
  const store = ContentStore.open(storeDirOf("sample"));
  try {
    const titles = (list: ListRef) => store.summaries(store.listIds(list, 0, 20)).map((summary) => summary.title);
    return [
      ...store.allCategories().map((category) => ({ page: urls.category(category.segments), titles: titles(category.list) })),
      ...store.authors().map((author) => ({ page: urls.author(author.segment), titles: titles(author.list) })),
      ...store.tags().map((tag) => ({ page: urls.tag(tag.segment), titles: titles(tag.list) })),
      ...store.entitiesBetween(0, store.manifest.entityCount).map((entity) => ({ page: urls.entity(entity.key), titles: titles(entity.list) })),
    ];
  } finally {
    store.close();
  }
}


/** The site's own path of an absolute URL the build wrote with SITE_URL's origin. */
const pathOf = (url: string): string => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

test.describe("feed and sitemaps", () => {
  test.beforeEach(({ page }) => {
    test.skip(page.viewportSize()?.width !== 1280, "the same files for every screen: checked on desktop");
  });

  test("the Atom feed carries the newest articles whole, and each entry opens its article", async ({ page, request }) => {
    const response = await request.get("/feed.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    await page.goto("/");
    const titles = await parseXmlInBrowser(page, xml, "entry > title");
    const stored = readStoredArticles(storeDirOf("sample"));
    expect(titles.map((title) => title.text)).toEqual(stored.slice(0, 20).map((article) => article.title));
    const contents = await parseXmlInBrowser(page, xml, "entry > content");
    // Whole sanitized bodies, with their section headings and entity links.
    expect(contents[0]?.text).toContain("<h2 id=");
    expect(contents.some((content) => content.text.includes('class="project-link"'))).toBe(true);
    const links = await parseXmlInBrowser(page, xml, "entry > link[rel='alternate']");
    const first = links[0]?.href;
    if (!first) throw new Error("no entry link");
    await page.goto(pathOf(first));
    await expect(page.locator("h1")).toHaveText(titles[0]?.text ?? "");
  });

  test("every page names the feed, and the footer links to it", async ({ page }) => {
    await page.goto("/categories");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
    const feedLink = page.locator("footer").getByRole("link", { name: "RSS 订阅" });
    await expect(feedLink).toHaveAttribute("href", "/feed.xml");
  });

  test("every category level, author, tag and entity has its own feed, linked from its page's head and body", async ({ page, request }) => {
    // A hang guard, not a speed budget: about thirty pages and feeds, one after the other, beside another worker.
    test.setTimeout(120_000);
    const lists = storedLists();
    expect(lists.length).toBeGreaterThan(20);
    for (const list of lists) {
      await page.goto(list.page);
      const alternates = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      // The list's own feed first, then the site's.
      await expect(alternates).toHaveCount(2);
      const feedUrl = await alternates.first().getAttribute("href");
      if (!feedUrl) throw new Error(`${list.page}: no feed link`);
      await expect(alternates.nth(1)).toHaveAttribute("href", /\/feed\.xml$/);
      const onPage = page.locator("main").getByRole("link", { name: "订阅本栏目" });
      await expect(onPage).toHaveAttribute("href", pathOf(feedUrl));
      const response = await request.get(pathOf(feedUrl));
      expect(response.status(), feedUrl).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
      const xml = await response.text();
      const titles = await parseXmlInBrowser(page, xml, "feed > entry > title");
      expect(titles.map((title) => title.text), feedUrl).toEqual(list.titles);
      const self = await parseXmlInBrowser(page, xml, "feed > link[rel='self']");
      expect(self[0]?.href).toBe(feedUrl);
      const alternate = await parseXmlInBrowser(page, xml, "feed > link[rel='alternate']");
      expect(pathOf(alternate[0]?.href ?? "")).toBe(list.page);
    }
    for (const unknown of ["/feeds/tags/没有这个标签.xml", "/feeds/entities/2-0.xml", "/feeds/categories/科技/page/2.xml", "/feeds/authors/a/b.xml", "/feeds/tags/开源"]) {
      expect((await request.get(unknown)).status(), unknown).toBe(404);
    }
  });

  test("robots.txt points to the sitemap index, and every URL in the sitemaps opens", async ({ page, request }) => {
    const robots = await (await request.get("/robots.txt")).text();
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    if (!sitemapUrl) throw new Error(`robots.txt names no sitemap:\n${robots}`);
    await page.goto("/");
    const index = await request.get(pathOf(sitemapUrl));
    expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const files = await parseXmlInBrowser(page, await index.text(), "sitemap > loc");
    expect(files.length).toBeGreaterThanOrEqual(1);
    const locations: string[] = [];
    for (const file of files) {
      const urlset = await request.get(pathOf(file.text));
      expect(urlset.status()).toBe(200);
      locations.push(...(await parseXmlInBrowser(page, await urlset.text(), "url > loc")).map((loc) => pathOf(loc.text)));
    }
    expect(new Set(locations).size).toBe(locations.length);
    for (const article of readStoredArticles(storeDirOf("sample"))) expect(locations).toContain(`/articles/${encodeURIComponent(article.slug)}`);
    for (const location of locations) expect((await request.get(location)).status(), location).toBe(200);
    expect((await request.get("/sitemaps/99.xml")).status()).toBe(404);
  });
});
