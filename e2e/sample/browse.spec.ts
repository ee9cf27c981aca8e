import { readFileSync } from "node:fs";
import { urls } from "../../lib/site/urls";
import { expect, test } from "../fixtures";

test.describe("browsing", () => {
  test("home lists the newest articles first and paginates as static pages", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("h1")).toHaveText("最新文章");
    const items = page.locator("main ol > li article");
    await expect(items).toHaveCount(5);
    const dates = await page.locator("main ol > li time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect([...dates].sort().reverse()).toEqual(dates);
    await expect(items.first().locator("h2")).not.toBeEmpty();
    await expect(items.first().getByText(/分钟读完/)).toBeVisible();

    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: /较早/ }).click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await expect(page.locator("h1")).toContainText("第 2 / 3 页");
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "第 3 页" }).click();
    await expect(page).toHaveURL(/\/page\/3$/);
    await expect(items).toHaveCount(4);
  });

  test("a list page deeper than the prebuilt ones renders on its first request and is served from cache after", async ({ page, request }) => {
    // e2e/prepare.sh prebuilds 2 pages of each list (YUEDU_PREBUILD_LIST_PAGES=2): /page/3 is not in the build output.
    const prerendered = Object.keys(prerenderedRoutes(".next-e2e-sample"));
    expect(prerendered).toContain("/page/2");
    expect(prerendered).not.toContain("/page/3");
    const first = await request.get("/page/3");
    expect(first.status()).toBe(200);
    const again = await request.get("/page/3");
    expect(again.status()).toBe(200);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await again.text()).toBe(await first.text());
    await page.goto("/page/3");
    await expect(page.locator("h1")).toContainText("第 3 / 3 页");
    await expect(page.locator("main ol > li article")).toHaveCount(4);
    // Past the last page is still a 404, not a page rendered on demand.
    expect((await request.get("/page/4")).status()).toBe(404);
  });

  test("following an entry from the list opens the article", async ({ page }) => {
    await page.goto("/");
    const first = page.locator("main ol > li article h2 a").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect(page.locator("h1")).toHaveText(title);
  });

  test("categories: the tree with counts, and every level through percent-encoded URLs", async ({ page }) => {
    await page.goto("/categories");
    await expect(page.locator("h1")).toHaveText("全部分类");
    await expect(page.locator("main").getByRole("link", { name: /^科技\s*6 篇$/ })).toBeVisible();

    await page.goto(`/categories/${encodeURIComponent("科技")}`);
    await expect(page.locator("h1")).toHaveText("科技");
    await expect(page.getByText("6 篇").first()).toBeVisible();
    await page.getByRole("navigation", { name: "子分类" }).getByRole("link", { name: /人工智能/ }).click();
    await expect(page.locator("h1")).toHaveText("人工智能");
    await page.getByRole("navigation", { name: "子分类" }).getByRole("link", { name: /大模型/ }).click();
    await expect(page.locator("h1")).toHaveText("大模型");
    await expect(page.getByRole("navigation", { name: "位置" }).getByRole("link")).toHaveText(["分类", "科技", "人工智能"]);
    await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "科技" }).click();
    await expect(page.locator("h1")).toHaveText("科技");
    // A category page paginates too (6 articles, 5 a page).
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: /较早/ }).click();
    await expect(page).toHaveURL(/\/categories\/.+\/page\/2$/);
    await expect(page.locator("main ol > li article")).toHaveCount(1);
  });

  test("a category name with a space opens by its raw name and by its URL", async ({ page }) => {
    const response = await page.goto(`/categories/${encodeURIComponent("科技")}/${encodeURIComponent("AI 应用")}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("AI 应用");
    await expect(page).toHaveURL(/\/categories\/%E7%A7%91%E6%8A%80\/ai-%E5%BA%94%E7%94%A8$/);
  });

  test("authors: list and one author's page", async ({ page }) => {
    await page.goto("/authors");
    await expect(page.locator("h1")).toHaveText("作者");
    await page.locator("main").getByRole("link", { name: /周默/ }).click();
    await expect(page.locator("h1")).toHaveText("周默 的文章");
    await expect(page.locator("main ol > li article").first()).toBeVisible();
  });

  test("page 1 of every list redirects, once, to the list's own URL", async ({ page, request }) => {
    const entityKey = await (async () => {
      await page.goto("/entities");
      const href = (await page.locator("main a[href^='/entities/']").first().getAttribute("href")) ?? "";
      return decodeURIComponent(href.replace("/entities/", ""));
    })();
    const lists = [urls.home(), urls.entities(), urls.category(["科技"]), urls.category(["科技", "人工智能"]), urls.author("周默"), urls.tag("开源"), urls.entity(entityKey)];
    for (const list of lists) {
      const first = `${list === "/" ? "" : list}/page/1`;
      const response = await request.get(first, { maxRedirects: 0 });
      expect(response.status(), first).toBe(308);
      const locations = response.headersArray().filter((header) => header.name.toLowerCase() === "location");
      expect(locations.map((header) => header.value), first).toEqual([list]);
      expect((await request.get(list)).status(), list).toBe(200);
    }
    // Followed in the browser, it lands on the list itself.
    await page.goto(`${urls.author("周默")}/page/1`);
    await expect(page).toHaveURL(new RegExp(`${urls.author("周默")}$`));
    await expect(page.locator("h1")).toHaveText("周默 的文章");
  });

  test("unknown pages are real 404s", async ({ page }) => {
    for (const path of ["/articles/nope", "/categories/nope", `/categories/${encodeURIComponent("科技")}/nope`, "/authors/nope", "/page/99", "/page/abc", "/tags/nope", "/nope/deeper"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator("h1")).toHaveText("页面不存在");
    }
  });

  test("dark mode follows the system, the toggle overrides it, and the choice sticks", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const background = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.getByRole("button", { name: "切换深浅色" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await context.close();
  });
});

/** Routes `next build` rendered, from the build's prerender manifest. */
function prerenderedRoutes(distDir: string): Record<string, unknown> {
  const manifest: unknown = JSON.parse(readFileSync(`${distDir}/prerender-manifest.json`, "utf8"));
  if (typeof manifest !== "object" || manifest === null || !("routes" in manifest)) throw new Error(`${distDir}/prerender-manifest.json has no routes`);
  const { routes } = manifest;
  if (typeof routes !== "object" || routes === null) throw new Error(`${distDir}/prerender-manifest.json: routes is not an object`);
  return { ...routes };
}
