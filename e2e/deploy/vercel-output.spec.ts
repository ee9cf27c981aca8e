/**
 * The site as Vercel builds it (`vercel build`, run offline by e2e/prepare.sh with only the 3 newest articles
 * prebuilt): its Build Output serves every other article from an ISR function that carries the content store,
 * and the security headers cover every route.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, readStoredArticles, test } from "../fixtures";
import { STORE_FILES } from "../../lib/store/format";
import { isRecord } from "../../lib/util/is-record";

const OUTPUT = ".yuedu/e2e-vercel/output";
const built = existsSync(path.join(OUTPUT, "config.json"));

function json(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(path.join(OUTPUT, file), "utf8"));
  if (!isRecord(value)) throw new Error(`${file} is not an object`);
  return value;
}

interface Route {
  src?: string;
  headers?: Record<string, string>;
  has?: unknown;
}

function routes(): Route[] {
  const config = json("config.json");
  return Array.isArray(config.routes) ? config.routes.filter(isRecord).map((route) => route as Route) : [];
}

test.describe("vercel build", () => {
  test.skip(!built, "the Vercel build is made by e2e/prepare.sh");

  test("articles not prebuilt are served by an ISR function that carries the content store", () => {
    const functions = path.join(OUTPUT, "functions", "articles");
    const vc = json(path.join("functions", "articles", "[slug].func", ".vc-config.json"));
    expect(vc.operationType).toBe("ISR");
    const shipped = Object.keys(isRecord(vc.filePathMap) ? vc.filePathMap : {});
    for (const file of Object.values(STORE_FILES)) expect(shipped, file).toContain(`.yuedu/store/${file}`);
    // Rendered on the first request (blocking, no fallback page), then cached.
    expect(json(path.join("functions", "articles", "[slug].prerender-config.json"))).toMatchObject({ type: "Prerender", fallback: null });
    // The 3 newest are prebuilt pages of their own; the others have none and reach the function.
    const articles = readStoredArticles(".yuedu/e2e-sample/store").map((article) => article.slug);
    const prebuilt = readdirSync(functions).filter((name) => name.endsWith(".prerender-config.json") && !name.includes("[slug]") && !name.endsWith(".rsc.prerender-config.json"));
    expect(prebuilt.map((name) => name.replace(/\.prerender-config\.json$/, "")).sort()).toEqual(articles.slice(0, 3).sort());
  });

  test("the security headers cover every route, and the feed and sitemaps get their own policy", () => {
    const all = routes();
    const headersFor = (pathname: string): Record<string, string> => {
      const merged: Record<string, string> = {};
      for (const route of all) {
        if (!route.headers || route.has || !route.src || !new RegExp(route.src).test(pathname)) continue;
        Object.assign(merged, route.headers);
      }
      return merged;
    };
    for (const pathname of ["/", "/articles/any-article", "/categories/%E7%A7%91%E6%8A%80/page/9", "/_next/static/chunks/x.js", "/favicon.svg", "/no/such/page"]) {
      const headers = headersFor(pathname);
      expect(headers["Content-Security-Policy"], pathname).toContain("default-src 'self'");
      expect(headers["Content-Security-Policy"], pathname).toContain("script-src-attr 'none'");
      expect(headers, pathname).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY" });
    }
    for (const pathname of ["/feed.xml", "/sitemap.xml", "/sitemaps/1.xml"]) {
      expect(headersFor(pathname)["Content-Security-Policy"], pathname).toMatch(/^default-src 'none'/);
    }
  });
});
