import { expect, isPhone, storeDirOf, test, waitForQuietNetwork } from "../fixtures";
import { measureRecall, recallTerms, searchResults } from "../search-recall";

const ARTICLE = `/articles/${encodeURIComponent("ai-芯片的下一站推理")}`;
const results = "[data-search-results] > li";

test.describe("search", () => {
  test("from the header: the query goes to /search?q=…, results are ranked, highlighted and lead to the article", async ({ page, consoleErrors }) => {
    await page.goto(ARTICLE);
    if (isPhone(page)) {
      // No room for a box in a phone's header: a button leads to the search page.
      await page.getByRole("link", { name: "搜索" }).tap();
      await expect(page).toHaveURL(/\/search$/);
      await page.getByRole("searchbox", { name: "搜索文章" }).fill("推理");
      await page.keyboard.press("Enter");
    } else {
      await page.locator("#site-header").getByRole("searchbox", { name: "搜索文章" }).fill("推理");
      await page.keyboard.press("Enter");
    }
    await expect(page).toHaveURL(/\/search\?q=%E6%8E%A8%E7%90%86$/);
    await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "found");
    await expect(page.locator("[data-search-status]")).toHaveText("“推理”共 5 篇文章");
    // A match in the title ranks above matches in the body only.
    await expect(page.locator(`${results} h2`).first()).toContainText("推理");
    const first = page.locator(results).first();
    await expect(first.locator("mark").first()).toHaveText("推理");
    await expect(first.getByText(/\d{4}年\d+月\d+日/)).toBeVisible();
    await first.locator("h2 a").click();
    await expect(page.locator("article h1")).toContainText("推理");
    await page.goBack();
    await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue("推理");
    await expect(page.locator(results)).toHaveCount(5);
    expect(consoleErrors).toEqual([]);
  });

  test("typing updates the URL; Enter makes a history entry; Back returns to the previous query", async ({ page }) => {
    await page.goto("/search");
    await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "idle");
    // Typing before hydration would be the plain form's; the URL follows only once the island runs.
    await waitForQuietNetwork(page);
    const box = page.getByRole("main").getByRole("searchbox");
    await box.pressSequentially("书店");
    await expect(page).toHaveURL(/\?q=%E4%B9%A6%E5%BA%97$/);
    await expect(page.locator(results)).toHaveCount(2);
    await box.press("Enter");
    await box.fill("咖啡 县城");
    await box.press("Enter");
    await expect(page.locator(results)).toHaveCount(1);
    await page.goBack();
    await expect(box).toHaveValue("书店");
    await expect(page.locator(results)).toHaveCount(2);
    await page.goBack();
    await expect(page).toHaveURL(/\/search$/);
    await expect(box).toHaveValue("");
  });

  test("the top-level category filter narrows the results and shows counts", async ({ page }) => {
    await page.goto(`/search?q=AI`);
    await expect(page.locator(results)).toHaveCount(5);
    const filter = page.getByRole("combobox", { name: "分类" });
    await expect(filter.locator("option", { hasText: "科技（4）" })).toHaveCount(1);
    await filter.selectOption("科技");
    await expect(page).toHaveURL(/category=%E7%A7%91%E6%8A%80/);
    await expect(page.locator(results)).toHaveCount(4);
    for (const category of await page.locator(`${results} article > p:first-child`).allInnerTexts()) expect(category).toMatch(/^科技/);
    // A category without any: nothing found there, and the counts of the others still shown.
    const empty = (await filter.locator("option").allInnerTexts()).find((text) => text.endsWith("（0）"))?.replace(/（0）$/, "");
    expect(empty).toBeTruthy();
    await filter.selectOption(empty ?? "");
    await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "nothing");
    await expect(filter.locator("option", { hasText: "科技（4）" })).toHaveCount(1);
  });

  test("more results, ten at a time, with focus on the first new one; nothing found says so", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("的")}`);
    await expect(page.locator(results)).toHaveCount(10);
    const total = Number((await page.locator("[data-search-status]").innerText()).match(/共 (\d+) 篇/)?.[1]);
    expect(total).toBeGreaterThan(10);
    const more = page.locator("[data-search-more]");
    await expect(more).toHaveText(`显示更多结果（还有 ${total - 10} 篇）`);
    await more.click();
    await expect(page.locator(results)).toHaveCount(total);
    await expect(page.locator(`${results} h2 a`).nth(10)).toBeFocused();
    await expect(more).toHaveCount(0);
    await page.goto(`/search?q=${encodeURIComponent("周大福")}`);
    await expect(page.locator("[data-search-status]")).toHaveText(/没有找到包含“周大福”的文章/);
    await page.goto(`/search?q=xyzzy`);
    await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "nothing");
  });

  test("a 'more' that cannot load says so and keeps the results; the next click loads them", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("的")}`);
    await expect(page.locator(results)).toHaveCount(10);
    // The next results are one more request to the server, which the connection now drops.
    const moreRequest = (url: URL): boolean => url.pathname === "/api/search" && url.searchParams.has("from");
    await page.route(moreRequest, (route) => route.abort("internetdisconnected"));
    const more = page.locator("[data-search-more]");
    await more.click();
    // (Next's route announcer is an alert of its own, always empty here.)
    const failed = page.getByRole("alert").filter({ hasText: "更多结果没有加载成功，请再试一次。" });
    await expect(failed).toBeVisible();
    await expect(page.locator(results)).toHaveCount(10);
    await page.unroute(moreRequest);
    await more.click();
    await expect(page.locator(results)).not.toHaveCount(10);
    await expect(failed).toHaveCount(0);
  });

  test("keyboard only: / focuses the search box, Enter searches, Tab reaches the results", async ({ page }) => {
    test.skip(isPhone(page), "a phone has no keyboard shortcut to test");
    await page.goto(ARTICLE);
    // The shortcut is a client island's listener: a key pressed before the page is hydrated is the browser's.
    await waitForQuietNetwork(page);
    await page.keyboard.press("/");
    const box = page.locator("#site-header").getByRole("searchbox");
    await expect(box).toBeFocused();
    await page.keyboard.type("县城");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.locator(results)).toHaveCount(1);
    // On the search page, / goes to its own box.
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(page.getByRole("main").getByRole("searchbox")).toBeFocused();
    // The box, the category filter, the button, then the first result.
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("Tab");
    await expect(page.locator(`${results} h2 a`).first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("article h1")).toContainText("县城");
  });

  test("nothing of search is loaded on a page, or asked of the server, until the reader searches", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/search")) requested.push(request.url());
    });
    await page.goto(ARTICLE);
    await page.waitForLoadState("networkidle");
    // The header's box is a plain form: no script of the search page's comes with an article.
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
    await page.goto("/search");
    await page.waitForLoadState("networkidle");
    const searchScripts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
    expect(searchScripts.filter((name) => !scripts.includes(name)).length).toBeGreaterThan(0);
    expect(requested).toEqual([]);
    await page.getByRole("main").getByRole("searchbox").fill("推理");
    await expect.poll(() => requested.length).toBe(1);
    expect(new URL(requested[0] ?? "").searchParams.get("q")).toBe("推理");
  });

  test("no page runs WebAssembly or workers, and the search API takes only what it expects", async ({ request }) => {
    for (const path of ["/search", "/", ARTICLE, "/categories"]) {
      const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
      expect(csp).not.toContain("wasm");
      expect(csp).toContain("worker-src 'none'");
    }
    const answer = await request.get(`/api/search?q=${encodeURIComponent("推理")}`);
    expect(answer.headers()["content-type"]).toContain("application/json");
    expect((await answer.json()).total).toBe(5);
    for (const from of ["-1", "abc", "1e3", "999999"]) expect((await request.get(`/api/search?q=AI&from=${from}`)).status()).toBe(400);
    // A query of nothing searchable, or of markup, is an empty answer, never an error.
    for (const query of ["", "，。！", "<script>", "\u0000"]) {
      const response = await request.get(`/api/search?q=${encodeURIComponent(query)}`);
      expect(response.status()).toBe(200);
      expect((await response.json()).results).toEqual([]);
    }
  });

  test("recall over the sample site: every article containing a term is found", async ({ page }, testInfo) => {
    test.skip(isPhone(page), "the same index and code as on desktop");
    test.setTimeout(300_000);
    const terms = recallTerms(storeDirOf("sample"), 8);
    const figures = await measureRecall(page, terms);
    const summary = `sample recall: ${figures.found}/${figures.expected} over ${terms.length} terms; names ${figures.namesFound}/${figures.namesExpected}`;
    testInfo.annotations.push({ type: "recall", description: summary });
    console.log(summary, figures.misses.join("; "));
    expect(figures.found / figures.expected).toBeGreaterThanOrEqual(0.95);
    expect(figures.namesFound, figures.misses.join("; ")).toBe(figures.namesExpected);
    // Reading the first result page of a term shows exactly the articles containing it, for the sample's names.
    const [name] = terms.filter((term) => term.kind === "name");
    if (name) expect((await searchResults(page, name.term)).sort()).toEqual([...name.expected].sort());
  });
});

test("without JavaScript the search page says search needs it and offers the category tree", async ({ request }) => {
  // Checked in the served HTML: Chromium with script execution disabled by Playwright still parses <noscript> as
  // text, so a browser test would see nothing a reader without JavaScript sees.
  const html = await (await request.get("/search?q=推理")).text();
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? "";
  expect(noscript).toContain("搜索需要浏览器运行 JavaScript");
  for (const category of ["科技", "商业", "生活"]) expect(noscript).toContain(`href="/categories/${encodeURIComponent(category)}"`);
  // The form still works without JavaScript: a GET to the same page, whose URL keeps the query.
  expect(html).toMatch(/<form[^>]*role="search"[^>]*method="get"/);
});
