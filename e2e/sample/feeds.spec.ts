/**
 * What feed readers and search engines fetch: the Atom feed, the sitemaps and
 * robots.txt, written by the build from the same store as the pages.
 */
import { expect, parseXmlInBrowser, readStoredArticles, storeDirOf, test } from "../fixtures";


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
