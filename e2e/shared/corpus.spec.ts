import { sharedSiteBuilt } from "../../playwright.config";
import { expect, test } from "../fixtures";

const SEED = "/articles/000_a2925322a5ee191f";

test.describe("site built from ../shared (seed + corpus, invalid file skipped)", () => {
  test.skip(!sharedSiteBuilt, "../shared (seed and corpus) is not beside the project, so e2e/prepare.sh built no site from it");
  test("the seed article: real title, date, three-level breadcrumb, four TOC entries, seventeen entity links", async ({ page }) => {
    await page.goto(SEED);
    await expect(page.locator("h1")).toHaveText("今年微信公开课，有关零售的四个关键场景");
    await expect(page.locator("article header time").first()).toHaveAttribute("datetime", "2022-01-06T23:39:42.000Z");
    // Shown in Asia/Shanghai: 23:39 GMT is 07:39 the next morning.
    await expect(page.locator("article header time").first()).toHaveText(/2022年1月7日 07:39/);
    await expect(page.getByRole("navigation", { name: "位置" }).getByRole("link")).toHaveText(["分类", "新媒体", "36kr", "资讯"]);
    await expect(page.locator("nav[data-toc=sidebar] a[data-toc-target]")).toHaveCount(4);
    // Twenty in the source; three of them link part of a longer word (公开课, 了数十万, 客流) and stay plain links.
    await expect(page.locator(".article-body a.project-link")).toHaveCount(17);
    for (const text of ["开课", "了数", "有客"]) {
      const plain = page.locator(".article-body a").filter({ hasText: new RegExp(`^${text}$`) });
      await expect(plain).toHaveCount(1);
      await expect(plain).not.toHaveAttribute("data-entity");
      await expect(plain).toHaveAttribute("href", /^https:\/\/(36kr\.com|www\.36dianping\.com)\//);
    }
    await expect(page.locator(".article-body style, .article-body script, .article-body [style]")).toHaveCount(0);
    await expect(page.locator(".article-body img:not([referrerpolicy=no-referrer])")).toHaveCount(0);
  });

  test("hovering an entity of the seed shows its card with mentions across the corpus", async ({ page }) => {
    await page.goto(SEED);
    const link = page.locator('.article-body a.project-link[data-name="微信"]').first();
    await link.hover();
    const card = page.locator("#entity-popover");
    await expect(card).toBeVisible();
    await expect(card).toContainText("微信");
    await expect(card).toContainText("创投项目");
    await expect(card).toContainText(/本站 \d+ 篇文章提及/);
  });

  test("category pages at every level open through percent-encoded URLs", async ({ page }) => {
    const levels = [["新媒体"], ["新媒体", "36kr"], ["新媒体", "36kr", "资讯"], ["编程", "ai-研习社", "首页"]];
    for (const level of levels) {
      const response = await page.goto(`/categories/${level.map(encodeURIComponent).join("/")}`);
      expect(response?.status(), level.join("/")).toBe(200);
      await expect(page.locator("h1")).toHaveText(level.at(-1) === "ai-研习社" ? "AI 研习社" : (level.at(-1) ?? ""));
      await expect(page.locator("main ol > li article").first()).toBeVisible();
    }
    // The raw category name (with its capitals and space) redirects to the canonical URL.
    await page.goto(`/categories/${encodeURIComponent("编程")}/${encodeURIComponent("AI 研习社")}`);
    await expect(page.locator("h1")).toHaveText("AI 研习社");
  });

  test("the invalid post is left out, every other post is there", async ({ page }) => {
    expect((await page.goto(`/categories/${encodeURIComponent("二次元")}`))?.status()).toBe(404);
    await page.goto("/");
    await expect(page.locator("main ol > li article")).toHaveCount(20);
    await page.goto("/page/2");
    await expect(page.locator("main ol > li article")).toHaveCount(13);
    expect((await page.goto("/page/3"))?.status()).toBe(404);
  });

  test("raw markup inside code blocks is shown as code, not run or dropped", async ({ page }) => {
    await page.goto(`/articles/${encodeURIComponent("01vue的生命周期")}`);
    await expect(page.locator(".article-body pre code").first()).toContainText("<!DOCTYPE html>");
    await expect(page.locator(".article-body pre").filter({ hasText: "<script" }).first()).toBeVisible();
    await expect(page.locator(".article-body button, .article-body input")).toHaveCount(0);
  });

  test("authors from the corpus have pages", async ({ page }) => {
    await page.goto("/authors");
    await page.locator("main").getByRole("link", { name: /^36kr/ }).click();
    await expect(page.locator("h1")).toHaveText("36kr 的文章");
  });
});
