import { afterEach, describe, expect, it, vi } from "vitest";

/** site.config.ts reads the environment once, at import: each case imports a fresh copy. */
async function loadWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { siteConfig } = await import("../../site.config");
  const { prebuiltPageNumbers } = await import("../../lib/site/format");
  return { siteConfig, prebuiltPageNumbers };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("prebuilt list pages", () => {
  it("prebuilds the first ten pages of a list by default and leaves deeper ones to their first request", async () => {
    const { siteConfig, prebuiltPageNumbers } = await loadWith({ YUEDU_PREBUILD_LIST_PAGES: undefined, SITE_PAGE_SIZE: "20" });
    expect(siteConfig.prebuildListPages).toBe(10);
    expect(prebuiltPageNumbers(20 * 25)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(prebuiltPageNumbers(41)).toEqual([2, 3]);
    expect(prebuiltPageNumbers(20)).toEqual([]);
    expect(prebuiltPageNumbers(0)).toEqual([]);
  });

  it("prebuilds every page with YUEDU_PREBUILD_LIST_PAGES=all", async () => {
    const { siteConfig, prebuiltPageNumbers } = await loadWith({ YUEDU_PREBUILD_LIST_PAGES: "all", SITE_PAGE_SIZE: "20" });
    expect(siteConfig.prebuildListPages).toBeNull();
    expect(prebuiltPageNumbers(20 * 25)).toHaveLength(24);
  });

  it("takes a page count, and falls back to the default for values that are not one", async () => {
    expect((await loadWith({ YUEDU_PREBUILD_LIST_PAGES: "1" })).prebuiltPageNumbers(500)).toEqual([]);
    expect((await loadWith({ YUEDU_PREBUILD_LIST_PAGES: " 3 " })).siteConfig.prebuildListPages).toBe(3);
    for (const bad of ["0", "-2", "lots"]) {
      expect((await loadWith({ YUEDU_PREBUILD_LIST_PAGES: bad })).siteConfig.prebuildListPages).toBe(10);
    }
  });
});

describe("prebuilt articles", () => {
  it("prebuilds every article by default, the newest N with YUEDU_PREBUILD_LIMIT (0 allowed), all with `all`", async () => {
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: undefined })).siteConfig.prebuildArticles).toBeNull();
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "5" })).siteConfig.prebuildArticles).toBe(5);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "0" })).siteConfig.prebuildArticles).toBe(0);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "all" })).siteConfig.prebuildArticles).toBeNull();
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "5x" })).siteConfig.prebuildArticles).toBeNull();
  });
});
