/**
 * The load test (`BENCH_ONLY=load npm run bench`) picks its targets from the store it just built. On a fresh
 * clone without ../shared that store holds content/ alone: the targets must come from it, through the same
 * store reader the pages use.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseTargets } from "../../bench/load";
import { ContentStore } from "../../lib/store/read-store";
import { PROJECT_DIR, createTestSite, removeTestSite, runBuildContent, type TestSite } from "./run-build-content";

const sites: TestSite[] = [];
afterAll(async () => {
  await Promise.all(sites.splice(0).map(removeTestSite));
});

describe("the load bench's targets", () => {
  it("come from a store built from content/ alone: the longest article, the home page, an encoded category, a 404", async () => {
    const site = await createTestSite("load-targets");
    sites.push(site);
    const run = await runBuildContent(site, { contentDir: path.join(PROJECT_DIR, "content") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const targets = chooseTargets(site.storeDir, null);
    expect(targets.map((target) => [target.name, target.expectedStatus])).toEqual([["article", 200], ["home", 200], ["category", 200], ["404", 404]]);

    const store = ContentStore.open(site.storeDir);
    const lengths = Array.from(store.summariesBetween(0, store.articleCount), (article) => ({ slug: article.slug, length: store.document(article.slug)?.html.length ?? 0 }));
    store.close();
    const longest = lengths.reduce((best, next) => (next.length > best.length ? next : best));
    const [article, , category] = targets;
    expect(article?.path).toBe(`/articles/${encodeURIComponent(longest.slug)}`);
    expect(article?.note).toBe("longest article (no ../shared/seed)");
    // content/'s top-level categories are Chinese names: the chosen one must be percent-encoded, as the target means to test.
    expect(category?.path).toMatch(/^\/categories\/%[0-9A-F]{2}/);
  });
});
