import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ContentStore } from "../../lib/store/read-store";
import type { CategoryNode } from "../../lib/store/model";
import { urls } from "../../lib/site/urls";
import { expect, storeDirOf, test, waitForQuietNetwork } from "../fixtures";

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA, and axe's best practices) on every kind of page, in both themes, at the
 * desktop and phone sizes of the two projects: no violation at all. Colours come from the tokens in globals.css,
 * so a violation here is fixed there.
 */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

interface PageKind {
  name: string;
  path: string;
  /** Run before the audit, after the page settled (e.g. open a hover card). */
  prepare?: (page: Page) => Promise<void>;
}

function pageKinds(): PageKind[] {
  const store = ContentStore.open(storeDirOf("sample"));
  try {
    const articles = store.newest(store.articleCount).map((summary) => store.document(summary.slug)).filter((document) => document !== null);
    const withToc = articles.find((document) => document.headings.length >= 2);
    const withoutToc = articles.find((document) => document.headings.length === 0);
    const withEntities = articles.find((document) => document.entities.length > 0);
    if (!withToc || !withoutToc || !withEntities) throw new Error("the sample content lacks an article with a TOC, one without, or one with entity links");
    // The deepest category path, so that every level of it is audited.
    const deepest = (nodes: CategoryNode[]): CategoryNode[] => {
      let best: CategoryNode[] = [];
      for (const node of nodes) {
        const below = [node, ...deepest(node.children)];
        if (below.length > best.length) best = below;
      }
      return best;
    };
    const author = store.authors()[0];
    const tag = store.tags()[0];
    const entity = store.entity(0);
    if (!author || !tag || !entity) throw new Error("the sample content has no author, no tag or no entity");
    return [
      { name: "home", path: urls.home() },
      { name: "home page 2", path: urls.home(2) },
      { name: "article with a TOC", path: urls.article(withToc.summary.slug) },
      { name: "article without a TOC", path: urls.article(withoutToc.summary.slug) },
      {
        name: "article with an open hover card",
        path: urls.article(withEntities.summary.slug),
        prepare: async (page) => {
          const link = page.locator(".article-body a.project-link").first();
          await link.scrollIntoViewIfNeeded();
          await link.focus();
          await expect(page.locator("#entity-popover")).toBeVisible();
        },
      },
      { name: "category tree", path: urls.categories() },
      ...deepest(store.allCategories()).map((node) => ({ name: `category level ${node.segments.length}`, path: urls.category(node.segments) })),
      { name: "authors", path: urls.authors() },
      { name: "an author", path: urls.author(author.segment) },
      { name: "tags", path: urls.tags() },
      { name: "a tag", path: urls.tag(tag.segment) },
      { name: "entities", path: urls.entities() },
      { name: "an entity", path: urls.entity(entity.key) },
      { name: "search, empty", path: urls.search() },
      {
        name: "search with results and more to show",
        path: `${urls.search()}?q=${encodeURIComponent("的")}`,
        prepare: async (page) => {
          await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "found");
          await expect(page.locator("[data-search-results] mark").first()).toBeVisible();
        },
      },
      {
        name: "search with nothing found",
        path: `${urls.search()}?q=xyzzy`,
        prepare: async (page) => {
          await expect(page.locator("[data-search-status]")).toHaveAttribute("data-search-status", "nothing");
        },
      },
      { name: "not found", path: "/articles/no-such-article" },
    ];
  } finally {
    store.close();
  }
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const kind of pageKinds()) {
      test(`${kind.name} has no violations`, async ({ page }) => {
        const response = await page.goto(kind.path);
        expect(response?.status()).toBe(kind.name === "not found" ? 404 : 200);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await waitForQuietNetwork(page);
        await kind.prepare?.(page);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const violations = results.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.map((node) => `${node.target.join(" ")} — ${node.failureSummary ?? ""}`.slice(0, 300)),
        }));
        expect(violations, `axe violations on ${kind.path}`).toEqual([]);
      });
    }
  });
}
