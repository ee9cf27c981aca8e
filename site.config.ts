/**
 * Site-wide settings. Every value can be overridden with an environment
 * variable so an owner can deploy the same code for another site without
 * editing source (see README, "Configuration").
 */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute origin used for canonical URLs and for telling internal links from external ones. */
  baseUrl: string;
  language: string;
  /** IANA zone used to read dates without a zone and to display every date. */
  timeZone: string;
  pageSize: number;
  /**
   * How many pages of each list (home, every category level, author, tag) `next build` renders. Deeper pages
   * render from the same content store on their first request and are cached from then on, like prebuilt ones.
   * `null`: prebuild every page.
   */
  prebuildListPages: number | null;
}

function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value && value.trim() !== "" ? value.trim() : fallback;
}

function envPositiveInt(name: string, fallback: number): number {
  const parsed = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** A positive whole number, or null for "all" (the default when unset). */
function envPageLimit(name: string, fallback: number | null): number | null {
  const value = process.env[name]?.trim().toLowerCase() ?? "";
  if (value === "") return fallback;
  if (value === "all") return null;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const siteConfig: SiteConfig = {
  title: envString("SITE_TITLE", "阅读"),
  description: envString("SITE_DESCRIPTION", "好读的中文科技与商业文章"),
  baseUrl: envString("SITE_URL", "http://localhost:3000").replace(/\/+$/, ""),
  language: envString("SITE_LANG", "zh-CN"),
  timeZone: envString("SITE_TIME_ZONE", "Asia/Shanghai"),
  pageSize: envPositiveInt("SITE_PAGE_SIZE", 20),
  // Readers rarely go past the first pages of a list; with thousands of articles the deep pages were a fifth of
  // all pages a build rendered (1,262 of 6,267 at 5,000 articles, measured with `npm run bench`).
  prebuildListPages: envPageLimit("YUEDU_PREBUILD_LIST_PAGES", 10),
};
