/** Related articles: chosen at build time, shown under each article as plain links that prefetch nothing. */
import { ContentStore } from "../../lib/store/read-store";
import { urls } from "../../lib/site/urls";
import { expect, storeDirOf, test, waitForQuietNetwork } from "../fixtures";

function storedRelated(): { slug: string; title: string; related: string[] }[] {
  const store = ContentStore.open(storeDirOf("sample"));
  try {
    return Array.from(store.summariesBetween(0, store.articleCount), (summary) => ({
      slug: summary.slug,
      title: summary.title,
      related: store.related(summary.id).map((related) => related.title),
    }));
  } finally {
    store.close();
  }
}

test.describe("related articles", () => {
  test("every article shows its related articles from the build, and each one opens", async ({ page }) => {
    const articles = storedRelated();
    // The sample's articles share categories and entities: each has at least three related ones.
    for (const article of articles) expect(article.related.length, article.title).toBeGreaterThanOrEqual(3);
    const subject = articles.find((article) => article.slug === "ai-芯片的下一站推理");
    if (!subject) throw new Error("no sample article");
    await page.goto(urls.article(subject.slug));
    const section = page.getByRole("region", { name: "相关文章" });
    const links = section.getByRole("link");
    await expect(links.locator("span.font-medium")).toHaveText(subject.related);
    await links.first().click();
    await expect(page.locator("h1")).toHaveText(subject.related[0] ?? "");
  });

  test("scrolling the related articles into view fetches none of them", async ({ page }) => {
    test.skip((page.viewportSize()?.width ?? 1280) < 640, "the same links on every screen: checked on desktop");
    await page.goto(urls.article("ai-芯片的下一站推理"));
    await expect(page.locator(".article-body a.project-link").first()).toHaveAttribute("aria-haspopup", "dialog");
    await waitForQuietNetwork(page);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.getByRole("region", { name: "相关文章" }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    expect(requested.filter((path) => path.startsWith("/articles/"))).toEqual([]);
  });
});
