import { expect, test } from "../fixtures";

const ARTICLE = `/articles/${encodeURIComponent("ai-芯片的下一站推理")}`;
/** Static pages, an encoded category, a 404 and a redirect: the headers come with every kind of response. */
const PATHS = ["/", "/page/2", ARTICLE, `/categories/${encodeURIComponent("科技")}`, "/authors", "/no-such-page", "/favicon.svg"];

const REQUIRED_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "connect-src 'self'",
];

test.describe("security headers", () => {
  test("every response from next start carries them", async ({ request }) => {
    for (const path of PATHS) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const policy = headers["content-security-policy"] ?? "";
      for (const directive of REQUIRED_DIRECTIVES) expect(policy, `${path}: ${directive}`).toContain(directive);
      // Scripts only from the site itself (plus Next's inline flight data): no other host, no eval.
      expect(policy).toMatch(/(?:^|; )script-src 'self' 'unsafe-inline'(?:;|$)/);
      expect(policy).not.toContain("unsafe-eval");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-frame-options"], path).toBe("DENY");
      // Plain HTTP: no HSTS (it would be ignored, and wrong if this host ever serves HTTP only).
      expect(headers["strict-transport-security"], path).toBeUndefined();
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("the feed and sitemaps get a policy of their own: no scripts, no requests, only the XML viewer's styles", async ({ request }) => {
    for (const path of ["/feed.xml", "/sitemap.xml", "/sitemaps/1.xml"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
    }
    // robots.txt is plain text: the site's own policy.
    expect((await request.get("/robots.txt")).headers()["content-security-policy"]).toContain("default-src 'self'");
  });

  test("HSTS is sent when the site is reached over HTTPS through a proxy", async ({ request }) => {
    const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("the static JavaScript and CSS carry nosniff too", async ({ page, request }) => {
    await page.goto(ARTICLE);
    const assets = await page.locator("script[src], link[rel=stylesheet]").evaluateAll((elements) =>
      elements.map((element) => element.getAttribute("src") ?? element.getAttribute("href") ?? ""),
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await request.get(asset)).headers()["x-content-type-options"], asset).toBe("nosniff");
  });

  test("the pages work with the policy in force: no violation while reading, hovering and toggling the theme", async ({ page, consoleErrors }) => {
    const violations: string[] = [];
    await page.exposeFunction("__yueduTrap", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        void window.__yueduTrap?.(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of ["/", ARTICLE, `/categories/${encodeURIComponent("科技")}`, "/no-such-page"]) {
      await page.goto(path);
      await page.getByRole("button", { name: /切换|主题/ }).first().click();
    }
    await page.goto(ARTICLE);
    await page.locator(".article-body a.project-link").first().focus();
    await expect(page.locator("#entity-popover")).toBeVisible();
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
