import { sharedSiteBuilt } from "../../playwright.config";
import { expect, storeDirOf, test } from "../fixtures";
import { measureRecall, recallTerms, searchResults } from "../search-recall";

const SEED = "/articles/000_a2925322a5ee191f";

test.describe("search over ../shared (seed + corpus)", () => {
  test.skip(!sharedSiteBuilt, "../shared (seed and corpus) is not beside the project, so e2e/prepare.sh built no site from it");

  test("recall: every article containing a name, a word or a Latin token is found", async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    const terms = recallTerms(storeDirOf("shared"));
    const figures = await measureRecall(page, terms);
    const summary = `shared corpus recall: ${figures.found}/${figures.expected} over ${terms.length} terms; names ${figures.namesFound}/${figures.namesExpected}`;
    testInfo.annotations.push({ type: "recall", description: summary });
    console.log(summary, figures.misses.length > 0 ? `\n  missed: ${figures.misses.join("\n  missed: ")}` : "");
    expect(figures.namesExpected, "the corpus has entity names in its text").toBeGreaterThan(0);
    expect(figures.found / figures.expected).toBeGreaterThanOrEqual(0.95);
    expect(figures.namesFound, figures.misses.join("; ")).toBe(figures.namesExpected);
  });

  test("周大福 finds every article whose body mentions it, inside running text", async ({ page }) => {
    const results = await searchResults(page, "周大福");
    // The seed and its copy in the corpus; neither has it as a word of its own (与周大福合作…).
    expect(results).toContain(SEED);
    expect(results).toHaveLength(2);
    await expect(page.locator("[data-search-results] mark").filter({ hasText: "周大福" }).first()).toBeVisible();
  });

  test("mixed Chinese and Latin queries, and several words narrowing the results", async ({ page }) => {
    const opencv = await searchResults(page, "OpenCV 发布");
    expect(opencv[0]).toMatch(/OpenCV/i);
    const vue = await searchResults(page, "Vue 生命周期");
    expect(vue.length).toBeGreaterThan(0);
    expect(vue[0]).toMatch(/生命周期/);
    const wide = await searchResults(page, "发布");
    const narrow = await searchResults(page, "发布 开源");
    expect(narrow.length).toBeGreaterThan(0);
    expect(narrow.length).toBeLessThan(wide.length);
    for (const url of narrow) expect(wide).toContain(url);
  });
});
