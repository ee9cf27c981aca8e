import { expect, headerBottom, isPhone, test, topOf } from "../fixtures";

const LONG_ARTICLE = `/articles/${encodeURIComponent("大模型推理成本下降之后企业该如何重新算账")}`;

test.describe("article page", () => {
  test("shows title, byline, breadcrumb, head image box and body", async ({ page, consoleErrors }) => {
    await page.goto(LONG_ARTICLE);
    await expect(page.locator("h1")).toHaveText("大模型推理成本下降之后，企业该如何重新算账");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("header time[datetime]").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(page.getByText(/约 \d+ 分钟读完/).first()).toBeVisible();
    const crumbs = page.getByRole("navigation", { name: "位置" }).getByRole("link");
    await expect(crumbs).toHaveText(["分类", "科技", "人工智能", "大模型"]);
    // Tags link to their pages.
    await page.getByRole("link", { name: "#大模型" }).click();
    await expect(page).toHaveURL(/\/tags\//);
    await expect(page.locator("h1")).toContainText("大模型");
    expect(consoleErrors).toEqual([]);
  });

  test("author link and previous/next links lead to real pages", async ({ page }) => {
    await page.goto(LONG_ARTICLE);
    await page.locator("header a[rel=author]").click();
    await expect(page.locator("h1")).toHaveText("林知远 的文章");
    await page.goto(LONG_ARTICLE);
    const previous = page.locator("a[rel=prev]");
    const title = (await previous.locator("span").last().textContent()) ?? "";
    await previous.click();
    await expect(page.locator("h1")).toHaveText(title);
  });

  test("table of contents: click scrolls below the header, updates the hash and highlights", async ({ page }) => {
    await page.goto(LONG_ARTICLE);
    const toc = isPhone(page) ? page.locator("details[data-toc=inline]") : page.locator("nav[data-toc=sidebar]");
    await expect(page.locator("details[data-toc=inline]")).toBeVisible({ visible: isPhone(page) });
    await expect(page.locator("nav[data-toc=sidebar]")).toBeVisible({ visible: !isPhone(page) });
    if (isPhone(page)) await toc.locator("summary").click();
    const entry = toc.locator("a[data-toc-target]").nth(4);
    const id = (await entry.getAttribute("data-toc-target")) ?? "";
    await entry.click();
    await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(id).replace(/[()]/g, "\\$&")}$`));
    const heading = page.locator(`[id="${id}"]`);
    await expect
      .poll(async () => {
        const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
        const bottom = await headerBottom(page);
        return top >= bottom - 1 && top <= bottom + 48;
      })
      .toBe(true);
    await expect(toc.locator(`a[data-toc-target="${id}"]`)).toHaveAttribute("aria-current", "location");
    if (isPhone(page)) await expect(toc).not.toHaveAttribute("open", "");
  });

  test("the highlight follows scrolling, and a deep link lands on its heading", async ({ page }) => {
    await page.goto(LONG_ARTICLE);
    const ids = await page.locator("nav[data-toc=sidebar] a[data-toc-target], details[data-toc=inline] a[data-toc-target]").evaluateAll((links) =>
      Array.from(new Set(links.map((link) => link.getAttribute("data-toc-target") ?? ""))),
    );
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const target = ids[7] ?? "";
    await page.locator(`[id="${target}"]`).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 70));
    await expect(page.locator(`a[data-toc-target="${target}"][aria-current=location]`).first()).toBeAttached();

    await page.goto(`${LONG_ARTICLE}#${encodeURIComponent(ids[10] ?? "")}`);
    await expect
      .poll(async () => {
        const top = await topOf(page, `[id="${ids[10]}"]`);
        const bottom = await headerBottom(page);
        return top >= bottom - 1 && top <= bottom + 48;
      })
      .toBe(true);
  });

  test("every heading has its own anchor link", async ({ page }) => {
    await page.goto(LONG_ARTICLE);
    const anchors = page.locator(".article-body :is(h2,h3,h4)[id] > a.heading-anchor");
    expect(await anchors.count()).toBe(await page.locator(".article-body :is(h2,h3,h4)[id]").count());
    // The empty heading and duplicates: ids are unique.
    const ids = await page.locator(".article-body [id]").evaluateAll((elements) => elements.map((element) => element.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
