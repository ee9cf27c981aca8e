import { expect, isPhone, test, waitForQuietNetwork } from "../fixtures";

declare global {
  interface Window {
    __layoutShift?: number;
  }
}

const ARTICLE = `/articles/${encodeURIComponent("ai-芯片的下一站推理")}`;

test.describe("entity hover cards", () => {
  test("mouse: resting on a link opens its card after a delay; the card stays while the pointer moves into it", async ({ page }) => {
    test.skip(isPhone(page), "pointer hover is a desktop interaction");
    await page.goto(ARTICLE);
    const link = page.locator(".article-body a.project-link").first();
    const name = (await link.getAttribute("data-name")) ?? "";
    const card = page.locator("#entity-popover");
    await link.hover();
    await expect(card).toBeVisible();
    await expect(card).toContainText(name);
    await expect(card).toContainText(/本站 \d+ 篇文章提及/);
    await expect(card.getByRole("link", { name: /在 36氪/ })).toHaveAttribute("href", /^https:\/\//);
    await expect(link).toHaveAttribute("aria-expanded", "true");

    // The card never covers the link and stays on screen.
    const linkBox = await link.boundingBox();
    const cardBox = await card.boundingBox();
    const viewport = page.viewportSize();
    if (!linkBox || !cardBox || !viewport) throw new Error("no boxes");
    const overlaps = !(cardBox.y >= linkBox.y + linkBox.height || cardBox.y + cardBox.height <= linkBox.y);
    expect(overlaps).toBe(false);
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(viewport.width);

    // Move into the card: it stays open.
    await page.mouse.move(cardBox.x + cardBox.width / 2, cardBox.y + cardBox.height / 2, { steps: 8 });
    await page.waitForTimeout(400);
    await expect(card).toBeVisible();
    // Leave both: it closes.
    await page.mouse.move(5, viewport.height - 5, { steps: 4 });
    await expect(card).toBeHidden();
  });

  test("keyboard: focus opens the card, Tab reaches its links, Esc closes and returns focus", async ({ page }) => {
    test.skip(isPhone(page), "keyboard navigation is tested on desktop");
    await page.goto(ARTICLE);
    const link = page.locator(".article-body a.project-link").first();
    await link.focus();
    const card = page.locator("#entity-popover");
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("role", "dialog");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.getElementById("entity-popover")?.contains(document.activeElement) ?? false)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(card).toBeHidden();
    await expect(link).toBeFocused();
  });

  test("opening a card makes no request to our server and shifts no layout", async ({ page }) => {
    test.skip(isPhone(page), "measured on desktop");
    await page.goto(ARTICLE);
    // The island has started (so has hydration), and the prefetches hydration set off are done.
    await expect(page.locator(".article-body a.project-link").first()).toHaveAttribute("aria-haspopup", "dialog");
    await waitForQuietNetwork(page);
    const requests: string[] = [];
    page.on("request", (request) => {
      // The card's logo is an image of the site's (the sample's logos are files of the project); its data is not.
      if (request.url().startsWith("http://127.0.0.1") && request.resourceType() !== "image") requests.push(request.url());
    });
    await page.evaluate(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__layoutShift = (window.__layoutShift ?? 0) + ("value" in entry ? Number(entry.value) : 0);
      }).observe({ type: "layout-shift" });
    });
    await page.locator(".article-body a.project-link").first().hover();
    await expect(page.locator("#entity-popover")).toBeVisible();
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
  });

  test("a pointer already resting on a link while the page loads gets its card once the island starts", async ({ page }) => {
    test.skip(isPhone(page), "pointer hover is a desktop interaction");
    // Hold the page's scripts (not its CSS, which the inline theme script waits for) so the pointer arrives, and
    // its pointerover fires, before any listener exists.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/_next\/static\/chunks\/[^?]*\.js(?:\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(ARTICLE, { waitUntil: "domcontentloaded" });
    const link = page.locator(".article-body a.project-link").first();
    await link.hover();
    await expect(link).not.toHaveAttribute("aria-haspopup", "dialog");
    release();
    await expect(link).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#entity-popover")).toContainText((await link.getAttribute("data-name")) ?? "");
  });

  test("the 本文提及 list does not prefetch the articles it links to when it scrolls into view", async ({ page }) => {
    await page.goto(ARTICLE);
    await page.waitForLoadState("networkidle");
    const requested: string[] = [];
    page.on("request", (request) => requested.push(decodeURIComponent(new URL(request.url()).pathname)));
    const section = page.locator("#entity-cards");
    const mentions = await section.locator("[data-card-body] ul a").evaluateAll((links) => links.map((link) => decodeURIComponent(new URL(link.getAttribute("href") ?? "", location.href).pathname)));
    expect(mentions.length).toBeGreaterThan(0);
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await page.waitForLoadState("networkidle");
    expect(requested.filter((path) => mentions.some((mention) => path.startsWith(mention)))).toEqual([]);
  });

  test("touch: a tap opens the card instead of leaving; a tap elsewhere closes it", async ({ page }) => {
    test.skip(!isPhone(page), "touch is tested on the phone viewport");
    await page.goto(ARTICLE);
    const link = page.locator(".article-body a.project-link").first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    const card = page.locator("#entity-popover");
    await expect(card).toBeVisible();
    await expect(page).toHaveURL(new RegExp(encodeURIComponent("ai-芯片的下一站推理")));
    const cardBox = await card.boundingBox();
    expect(cardBox && cardBox.x >= 0 && cardBox.x + cardBox.width <= 390).toBe(true);
    await page.locator("h1").tap();
    await expect(card).toBeHidden();
  });

  test("without JavaScript the card content is on the page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { name: "本文提及" })).toBeVisible();
    await expect(page.locator("[data-entity-card]").first()).toContainText(/本站 \d+ 篇文章提及/);
    await expect(page.locator("nav[data-toc=sidebar], details[data-toc=inline]").first()).toBeAttached();
    await context.close();
  });
});
