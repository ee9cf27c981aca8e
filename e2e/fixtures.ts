import { test as base, expect, type Page } from "@playwright/test";
import { ContentStore } from "../lib/store/read-store";

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

/**
 * Waits until the page has had no request in flight for `quietMs`. After hydration Next prefetches the links in
 * view; on a busy machine that starts later than `networkidle`, which only waits for the load's own requests.
 */
export async function waitForQuietNetwork(page: Page, quietMs = 700, timeoutMs = 20_000): Promise<void> {
  let inFlight = 0;
  let lastActivity = Date.now();
  const started = (): void => {
    inFlight += 1;
    lastActivity = Date.now();
  };
  const ended = (): void => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`the page kept requesting for ${timeoutMs} ms`);
      await page.waitForTimeout(100);
    }
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
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

/** The e2e sites' stores (written by e2e/prepare.sh). */
export const storeDirOf = (site: "sample" | "shared" | "hostile"): string => `.yuedu/e2e-${site}/store`;

/** The articles of a built site, read through the site's own store reader. */
export function readStoredArticles(storeDir: string): StoredArticle[] {
  const store = ContentStore.open(storeDir);
  try {
    return Array.from(store.summariesBetween(0, store.articleCount), (article) => ({ slug: article.slug, title: article.title }));
  } finally {
    store.close();
  }
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
