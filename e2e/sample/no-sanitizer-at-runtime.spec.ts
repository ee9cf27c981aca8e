import { existsSync, readFileSync } from "node:fs";
import { forbiddenModuleLog } from "../../playwright.config";
import { expect, readStoredArticles, storeDirOf, test } from "../fixtures";

/**
 * Sanitizing happens once, at build time. The server runs with
 * e2e/trace-forbidden-modules.cjs preloaded, which logs every load of jsdom or
 * DOMPurify; after serving every kind of page (and a 404 and a redirect), the
 * log must be empty. `test/unit/trace-forbidden-modules.test.ts` proves the
 * tracer does log such a load, so this test can fail.
 */
test("request handling never loads jsdom or DOMPurify", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, checked once");
  const log = forbiddenModuleLog("sample");
  expect(existsSync(log), `${log} is created by the tracer when the server starts`).toBe(true);
  const paths = ["/", "/page/2", "/categories", `/categories/${encodeURIComponent("科技")}`, "/authors", "/tags", "/no-such-page", `/categories/${encodeURIComponent("AI 应用")}`];
  for (const article of readStoredArticles(storeDirOf("sample"))) paths.push(`/articles/${encodeURIComponent(article.slug)}`);
  expect(paths.length).toBeGreaterThan(15);
  for (const path of paths) expect((await request.get(path)).status(), path).toBeLessThan(500);
  expect(readFileSync(log, "utf8")).toBe("");
});
