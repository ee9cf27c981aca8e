import type { Page, Request } from "@playwright/test";
import { expect, isPhone, test, waitForQuietNetwork } from "../fixtures";

/** The router's prefetch and navigation requests (the `_rsc` query, or the RSC header). */
function routerRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc") || request.headers()["rsc"] === "1") seen.push(request);
  });
  return seen;
}

test.describe("prefetching", () => {
  test("links are not prefetched as they scroll into view", async ({ page }) => {
    const requests = routerRequests(page);
    await page.goto("/");
    await waitForQuietNetwork(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await waitForQuietNetwork(page);
    expect(requests.map((request) => request.url())).toEqual([]);
  });

  test("a link the pointer rests on is prefetched, and following it is a client-side navigation", async ({ page }) => {
    test.skip(isPhone(page), "pointer hover is a desktop interaction");
    const requests = routerRequests(page);
    await page.goto("/");
    await waitForQuietNetwork(page);
    const link = page.locator("main ol > li article h2 a").first();
    const href = (await link.getAttribute("href")) ?? "";
    const title = (await link.textContent()) ?? "";
    await link.hover();
    await expect.poll(() => requests.filter((request) => new URL(request.url()).pathname === href).length).toBeGreaterThan(0);
    // The prefetched page opens without loading a new document.
    await page.evaluate(() => {
      (window as Window & { __sameDocument?: boolean }).__sameDocument = true;
    });
    await link.click();
    await expect(page.locator("h1")).toHaveText(title);
    expect(await page.evaluate(() => (window as Window & { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("a link reached with the keyboard is prefetched", async ({ page }) => {
    const requests = routerRequests(page);
    await page.goto("/");
    await waitForQuietNetwork(page);
    const link = page.getByRole("navigation", { name: "主要分类" }).getByRole("link").first();
    const href = (await link.getAttribute("href")) ?? "";
    await link.focus();
    await expect.poll(() => requests.filter((request) => new URL(request.url()).pathname === href).length).toBeGreaterThan(0);
  });

  test("a link opened in a new tab leaves this page where it is", async ({ page }) => {
    test.skip(isPhone(page), "a modifier click is a desktop interaction");
    await page.goto("/");
    await waitForQuietNetwork(page);
    const link = page.locator("main ol > li article h2 a").first();
    const href = (await link.getAttribute("href")) ?? "";
    const [opened] = await Promise.all([page.context().waitForEvent("page"), link.click({ modifiers: ["ControlOrMeta"] })]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe(href);
    expect(new URL(page.url()).pathname).toBe("/");
    await opened.close();
  });

  test("a feed link is a file: pointing at it asks the router for nothing, and following it loads the feed", async ({ page }) => {
    test.skip(isPhone(page), "pointer hover is a desktop interaction");
    const requests = routerRequests(page);
    await page.goto(`/categories/${encodeURIComponent("科技")}`);
    await waitForQuietNetwork(page);
    const feed = page.getByRole("link", { name: "订阅本栏目" });
    await feed.hover();
    await waitForQuietNetwork(page);
    expect(requests.map((request) => request.url())).toEqual([]);
    const [response] = await Promise.all([page.waitForResponse((answer) => answer.url().includes("/feeds/")), feed.click()]);
    expect(response.headers()["content-type"]).toContain("xml");
    expect(requests.map((request) => request.url())).toEqual([]);
  });

  test("a tapped link opens its page", async ({ page }) => {
    test.skip(!isPhone(page), "a phone's tap");
    await page.goto("/");
    await waitForQuietNetwork(page);
    const link = page.locator("main ol > li article h2 a").first();
    const title = (await link.textContent()) ?? "";
    await link.tap();
    await expect(page.locator("h1")).toHaveText(title);
  });
});
