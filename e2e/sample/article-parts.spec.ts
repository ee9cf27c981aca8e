import type { Page } from "@playwright/test";
import { expect, isPhone, test, waitForQuietNetwork } from "../fixtures";

/**
 * The article body and its entity cards (“本文提及”) are sent once: in the page's HTML, not again in the
 * framework's inline page data. A page entered by client navigation fetches them
 * (components/article/article-parts-source.ts), and everything that works on a loaded article must work there too.
 */
const SLUG = "ai-芯片的下一站推理";
const ARTICLE = `/articles/${encodeURIComponent(SLUG)}`;
const CATEGORY = `/categories/${["科技", "芯片"].map(encodeURIComponent).join("/")}`;
/** A sentence of that article's body and of nothing else on its page (not its description either). */
const BODY_SENTENCE = "推理芯片的竞争才刚刚开始";

/** The text of the inline page data (`self.__next_f.push(…)` scripts) of an HTML document. */
function inlinePageData(html: string): string {
  return Array.from(html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g), (match) => match[1] ?? "").join("\n");
}

/** Marks the document, so that a later check tells a client navigation from a document load. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as Window & { __sameDocument?: boolean }).__sameDocument = true;
  });
}
const sameDocument = (page: Page): Promise<boolean | undefined> => page.evaluate(() => (window as Window & { __sameDocument?: boolean }).__sameDocument);

/** From the article's category page, follows the link to it without loading a new document. */
async function openArticleByClientNavigation(page: Page): Promise<void> {
  await page.goto(CATEGORY);
  await waitForQuietNetwork(page);
  await markDocument(page);
  const link = page.locator(`main a[href="${ARTICLE}"]`).first();
  if (isPhone(page)) await link.tap();
  else await link.click();
  await expect(page).toHaveURL(ARTICLE);
  await expect(page.locator("h1")).toHaveText("AI 芯片的下一站：推理");
}

test.describe("article body and entity cards", () => {
  test("are in the page's HTML once, not in its inline page data, and read without JavaScript", async ({ page, request, browser }) => {
    const response = await request.get(ARTICLE);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(BODY_SENTENCE);
    expect(html.split(BODY_SENTENCE)).toHaveLength(2);
    const pageData = inlinePageData(html);
    expect(pageData.length).toBeGreaterThan(1000);
    expect(pageData).not.toContain(BODY_SENTENCE);
    const cardCount = html.match(/<li data-entity-card="/g)?.length ?? 0;
    expect(cardCount).toBeGreaterThanOrEqual(3);
    expect(pageData).not.toContain("data-entity-card");

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(ARTICLE);
    await expect(noScript.locator(".article-body")).toContainText(BODY_SENTENCE);
    await expect(noScript.locator("[data-entity-card]")).toHaveCount(cardCount);
    await context.close();

    // With JavaScript, hydration keeps the server's body and cards as they are.
    await page.goto(ARTICLE);
    await expect(page.locator(".article-body")).toContainText(BODY_SENTENCE);
    await expect(page.locator(".article-body")).toHaveCount(1);
    await expect(page.locator("[data-entity-card]")).toHaveCount(cardCount);
  });

  test("entered by client navigation: body and cards come, and the TOC, hover cards and back/forward work", async ({ page, request, consoleErrors }) => {
    const loaded = await (await request.get(ARTICLE)).text();
    const cardCount = loaded.match(/<li data-entity-card="/g)?.length ?? 0;
    const bodyRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/article-parts") bodyRequests.push(request.url());
    });
    await openArticleByClientNavigation(page);
    const body = page.locator(".article-body");
    await expect(body).toContainText(BODY_SENTENCE);
    await expect(page.locator("[data-entity-card]")).toHaveCount(cardCount);
    expect(await sameDocument(page)).toBe(true);
    expect(bodyRequests).toHaveLength(1);

    // The hover cards start once the body is in the page.
    const entity = body.locator("a.project-link").first();
    const name = (await entity.getAttribute("data-name")) ?? "";
    const card = page.locator("#entity-popover");
    await entity.scrollIntoViewIfNeeded();
    if (isPhone(page)) await entity.tap();
    else await entity.hover();
    await expect(card).toBeVisible();
    await expect(card).toContainText(name);
    if (isPhone(page)) await page.locator("h1").tap();
    else await page.mouse.move(5, 5);
    await expect(card).toBeHidden();

    // Back to the category and forward again: the body is there without another request.
    await page.goBack();
    await expect(page).toHaveURL(CATEGORY);
    await page.goForward();
    await expect(page).toHaveURL(ARTICLE);
    await expect(body).toContainText(BODY_SENTENCE);
    expect(await sameDocument(page)).toBe(true);
    expect(bodyRequests).toHaveLength(1);

    // The TOC tracker started with the body: jumping to a heading marks it as the one being read.
    const toc = isPhone(page) ? page.locator("details[data-toc=inline]") : page.locator("nav[data-toc=sidebar]");
    if (isPhone(page)) await toc.locator("summary").click();
    const entry = toc.locator("a[data-toc-target]").last();
    await entry.click();
    await expect(toc.locator("a[aria-current=location]")).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test("a link the reader shows interest in fetches the body and cards before the click", async ({ page }) => {
    test.skip(isPhone(page), "pointer hover is a desktop interaction");
    const bodyRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/article-parts") bodyRequests.push(request.url());
    });
    await page.goto(CATEGORY);
    await waitForQuietNetwork(page);
    const link = page.locator(`main a[href="${ARTICLE}"]`).first();
    await link.hover();
    await expect.poll(() => bodyRequests.length).toBe(1);
    await waitForQuietNetwork(page);
    // The body is there on the first frame of the new page: no "loading" line in between.
    await page.evaluate(() => {
      const seen = { loading: false };
      (window as Window & { __seen?: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        if (document.querySelector("main [aria-busy=true]")) seen.loading = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await link.click();
    await expect(page.locator(".article-body")).toContainText(BODY_SENTENCE);
    expect(await page.evaluate(() => (window as Window & { __seen?: { loading: boolean } }).__seen?.loading)).toBe(false);
    expect(bodyRequests).toHaveLength(1);
  });

  test("a body that cannot be fetched says so and offers to open the article again", async ({ page }) => {
    await page.route("**/api/article-parts?**", (route) => route.abort());
    await openArticleByClientNavigation(page);
    const alert = page.getByRole("alert").filter({ hasText: "正文没有载入" });
    await expect(alert).toBeVisible();
    await page.unroute("**/api/article-parts?**");
    await alert.getByRole("link", { name: "重新打开本文" }).click();
    await expect(page.locator(".article-body")).toContainText(BODY_SENTENCE);
  });

  test("the parts endpoint answers a known slug with its body and cards, and anything else with 404", async ({ request }) => {
    const known = await request.get(`/api/article-parts?slug=${encodeURIComponent(SLUG)}`);
    expect(known.status()).toBe(200);
    expect(known.headers()["cache-control"]).toBe("public, max-age=60, s-maxage=600");
    const answer: unknown = await known.json();
    expect(answer).toEqual({ html: expect.stringContaining(BODY_SENTENCE), entities: expect.arrayContaining([expect.objectContaining({ name: "墨子芯片" })]) });
    for (const slug of ["no-such-article", "%E0%A4%A", "..%2F..%2Fpackage.json", ""]) {
      const unknown = await request.get(`/api/article-parts?slug=${slug}`);
      expect(unknown.status(), slug).toBe(404);
      expect(unknown.headers()["cache-control"], slug).toBe("no-store");
    }
  });
});
