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
