/**
 * `npm run lint` holds the line between build time and request time (eslint.config.mjs): a page, a component
 * or a per-request lib module that imports the sanitizer, jsdom or the build's own modules fails it. Each case
 * lints a real file of the tree with one such import added, so the rule cannot stop working unnoticed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "./helpers";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: PROJECT_DIR });
});

/** The rule ids and messages of linting `file` with `importLine` put first. */
async function lintWithImport(file: string, importLine: string): Promise<{ ruleId: string | null; message: string }[]> {
  const source = `${importLine}\n${readFileSync(path.join(PROJECT_DIR, file), "utf8")}`;
  const [result] = await eslint.lintText(source, { filePath: path.join(PROJECT_DIR, file) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const restricted = (messages: { ruleId: string | null; message: string }[]) => messages.filter((message) => message.ruleId === "no-restricted-imports");

describe("lint keeps build-time code out of request handling", () => {
  const cases: [what: string, file: string, importLine: string][] = [
    ["a page importing the sanitizer", "app/articles/[slug]/page.tsx", 'import "isomorphic-dompurify";'],
    ["a page importing jsdom", "app/page.tsx", 'import "jsdom";'],
    ["a page importing a build step by alias", "app/categories/page.tsx", 'import "@/lib/content/sanitize/sanitize-body";'],
    ["a component importing the index builder", "components/list/article-list.tsx", 'import "@/lib/content/index/build-site-index";'],
    ["a component importing DOMPurify itself", "components/article/article-body.tsx", 'import "dompurify";'],
    ["lib/site importing a build step", "lib/site/sitemap.ts", 'import "@/lib/content/build-content";'],
    ["lib/store importing a build step relatively", "lib/store/read-store.ts", 'import "../content/post/process-file";'],
    ["lib/store importing the sanitizer", "lib/store/write-store.ts", 'import "isomorphic-dompurify";'],
    ["a per-request module importing the build CLI", "lib/site/feed.ts", 'import "../../scripts/build-content";'],
    ["a client island importing the store", "components/layout/theme-toggle.client.tsx", 'import "@/lib/store/read-store";'],
    ["hover-card code importing a Node module", "components/entity/hover-cards/entity-logo.ts", 'import "node:fs";'],
  ];
  it.each(cases)("%s fails lint", async (_what, file, importLine) => {
    const errors = restricted(await lintWithImport(file, importLine));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/build time only|runs in the browser/);
  });

  it("the same files lint clean without the import, and the build's own modules may import the sanitizer", async () => {
    for (const [, file] of cases) expect(restricted(await lintWithImport(file, ""))).toEqual([]);
    expect(restricted(await lintWithImport("lib/content/sanitize/purify-hooks.ts", 'import "jsdom";'))).toEqual([]);
    expect(restricted(await lintWithImport("scripts/build-content.ts", 'import "@/lib/content/build-content";'))).toEqual([]);
  });
});
