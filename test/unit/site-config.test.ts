import { afterEach, describe, expect, it, vi } from "vitest";
import { readSiteConfig } from "../../site.config";

/** site.config.ts reads the environment once, at import: each case imports a fresh copy. */
async function loadWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { siteConfig } = await import("../../site.config");
  const { prebuiltPageNumbers } = await import("../../lib/site/pagination");
  return { siteConfig, prebuiltPageNumbers };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("prebuilt list pages", () => {
  it("prebuilds the first three pages of a list by default and leaves deeper ones to their first request", async () => {
    const { siteConfig, prebuiltPageNumbers } = await loadWith({ YUEDU_PREBUILD_LIST_PAGES: undefined, SITE_PAGE_SIZE: "20" });
    expect(siteConfig.prebuildListPages).toBe(3);
    expect(prebuiltPageNumbers(20 * 25)).toEqual([2, 3]);
    expect(prebuiltPageNumbers(41)).toEqual([2, 3]);
    expect(prebuiltPageNumbers(40)).toEqual([2]);
    expect(prebuiltPageNumbers(20)).toEqual([]);
    expect(prebuiltPageNumbers(0)).toEqual([]);
  });

  it("prebuilds every page with YUEDU_PREBUILD_LIST_PAGES=all", async () => {
    const { siteConfig, prebuiltPageNumbers } = await loadWith({ YUEDU_PREBUILD_LIST_PAGES: "all", SITE_PAGE_SIZE: "20" });
    expect(siteConfig.prebuildListPages).toBeNull();
    expect(prebuiltPageNumbers(20 * 25)).toHaveLength(24);
  });

  it("takes a page count; a value that is not one is reported and the default stands", async () => {
    expect((await loadWith({ YUEDU_PREBUILD_LIST_PAGES: "1" })).prebuiltPageNumbers(500)).toEqual([]);
    expect((await loadWith({ YUEDU_PREBUILD_LIST_PAGES: " 3 " })).siteConfig.prebuildListPages).toBe(3);
    for (const bad of ["0", "-2", "lots"]) {
      const { config, problems } = readSiteConfig({ YUEDU_PREBUILD_LIST_PAGES: bad });
      expect(config.prebuildListPages).toBe(3);
      expect(problems).toEqual([`YUEDU_PREBUILD_LIST_PAGES must be a whole number of at least 1 or “all” (got “${bad}”)`]);
    }
  });
});

describe("prebuilt articles", () => {
  it("prebuilds the articles the prebuilt home pages list by default, the newest N with YUEDU_PREBUILD_LIMIT (0 allowed), all with `all`", async () => {
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: undefined })).siteConfig.prebuildArticles).toBe(60);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: undefined, SITE_PAGE_SIZE: "5", YUEDU_PREBUILD_LIST_PAGES: "2" })).siteConfig.prebuildArticles).toBe(10);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: undefined, YUEDU_PREBUILD_LIST_PAGES: "all" })).siteConfig.prebuildArticles).toBeNull();
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "5" })).siteConfig.prebuildArticles).toBe(5);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "0" })).siteConfig.prebuildArticles).toBe(0);
    expect((await loadWith({ YUEDU_PREBUILD_LIMIT: "all" })).siteConfig.prebuildArticles).toBeNull();
    expect(readSiteConfig({ YUEDU_PREBUILD_LIMIT: "5x" })).toMatchObject({
      config: { prebuildArticles: 60 },
      problems: ["YUEDU_PREBUILD_LIMIT must be a whole number of at least 0 or “all” (got “5x”)"],
    });
  });
});

describe("reading the environment", () => {
  it("has working defaults and no problems when nothing is set", () => {
    const { config, problems } = readSiteConfig({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ baseUrl: "http://localhost:3000", language: "zh-CN", timeZone: "Asia/Shanghai", pageSize: 20 });
  });

  it("uses the production domain Vercel names when SITE_URL is not set", () => {
    expect(readSiteConfig({ VERCEL_PROJECT_PRODUCTION_URL: "yuedu.vercel.app" }).config.baseUrl).toBe("https://yuedu.vercel.app");
    const both = { VERCEL_PROJECT_PRODUCTION_URL: "yuedu.vercel.app", SITE_URL: "https://read.example.com" };
    expect(readSiteConfig(both).config.baseUrl).toBe("https://read.example.com");
  });

  it("takes SITE_URL as an origin, with or without a trailing slash", () => {
    expect(readSiteConfig({ SITE_URL: "https://read.example.com/" }).config.baseUrl).toBe("https://read.example.com");
    expect(readSiteConfig({ SITE_URL: " https://read.example.com:8443 " }).config.baseUrl).toBe("https://read.example.com:8443");
  });

  it("lists every value it cannot read, naming the variable and the value, instead of guessing", () => {
    const { config, problems } = readSiteConfig({
      SITE_URL: "read.example.com",
      SITE_PAGE_SIZE: "twenty",
      YUEDU_PREBUILD_LIMIT: "-1",
    });
    expect(config.baseUrl).toBe("http://localhost:3000");
    expect(config.pageSize).toBe(20);
    expect(problems).toEqual([
      "SITE_URL must be the site's origin, such as https://example.com (got “read.example.com”)",
      "SITE_PAGE_SIZE must be a whole number of at least 1 (got “twenty”)",
      "YUEDU_PREBUILD_LIMIT must be a whole number of at least 0 or “all” (got “-1”)",
    ]);
    for (const url of ["javascript:alert(1)", "ftp://example.com", "https://example.com/blog", "https://example.com/?a=1"]) {
      expect(readSiteConfig({ SITE_URL: url }).problems).toHaveLength(1);
    }
  });
});
