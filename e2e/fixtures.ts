import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every test page refuses requests that leave 127.0.0.1: the tests must not
 * depend on the network, and images from other hosts fall back as they would
 * when a host is down. Console errors from our own code fail the test.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      // Aborted external images log "Failed to load resource"; that is the point of the route above.
      if (message.type() === "error" && !/Failed to load resource|ERR_FAILED/.test(message.text())) errors.push(message.text());
    });
    await provide(errors);
    expect(errors, "console errors").toEqual([]);
  },
});
export { expect };

declare global {
  interface Window {
    /** Exposed by tests that install traps (page.exposeFunction): reports what fired. */
    __yueduTrap?: (what: string) => Promise<void>;
  }
}

/** The sticky header's bottom edge, which a heading must land just below. */
export async function headerBottom(page: Page): Promise<number> {
  return page.locator("#site-header").evaluate((element) => element.getBoundingClientRect().bottom);
}

export async function topOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);
}

export const isPhone = (page: Page): boolean => (page.viewportSize()?.width ?? 1280) < 640;

/** What the e2e suites read from a built site's store index. */
export interface StoredArticle {
  slug: string;
  title: string;
}

/** The articles of a built site, from its store index (`.yuedu/e2e-<site>/store/index.json`). */
export function readStoredArticles(indexPath: string): StoredArticle[] {
  const index: unknown = JSON.parse(readFileSync(indexPath, "utf8"));
  if (typeof index !== "object" || index === null || !("articles" in index) || !Array.isArray(index.articles)) throw new Error(`${indexPath} is not a site index`);
  return index.articles.flatMap((article: unknown) =>
    typeof article === "object" && article !== null && "slug" in article && "title" in article ? [{ slug: String(article.slug), title: String(article.title) }] : [],
  );
}

/** Parses XML with the page's own parser (the browser a reader uses); throws when it is not well-formed. */
export async function parseXmlInBrowser(page: Page, xml: string, select: string): Promise<{ name: string; text: string; href: string | null }[]> {
  return page.evaluate(
    ({ xml, select }) => {
      const document = new DOMParser().parseFromString(xml, "application/xml");
      const error = document.querySelector("parsererror");
      if (error) throw new Error(`not well-formed: ${error.textContent ?? ""}`);
      return Array.from(document.querySelectorAll(select)).map((element) => ({
        name: element.localName,
        text: element.textContent ?? "",
        href: element.getAttribute("href"),
      }));
    },
    { xml, select },
  );
}
