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
  /** How many of the newest articles `next build` renders; the rest render on first request. `null`: all. */
  prebuildArticles: number | null;
}

function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value && value.trim() !== "" ? value.trim() : fallback;
}

/** A whole number of at least `min`, or null when the text is not one. */
function parseCount(value: string | undefined, min: number): number | null {
  const text = value?.trim() ?? "";
  if (!/^\d+$/.test(text)) return null;
  const parsed = Number.parseInt(text, 10);
  return parsed >= min ? parsed : null;
}

function envPositiveInt(name: string, fallback: number): number {
  return parseCount(process.env[name], 1) ?? fallback;
}

/** How many pages to prebuild: a count of at least `min`, or `all` (null). Unset or unreadable: `fallback`. */
function envPrebuildCount(name: string, fallback: number | null, min: number): number | null {
  if (process.env[name]?.trim().toLowerCase() === "all") return null;
  return parseCount(process.env[name], min) ?? fallback;
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
  prebuildListPages: envPrebuildCount("YUEDU_PREBUILD_LIST_PAGES", 10, 1),
  prebuildArticles: envPrebuildCount("YUEDU_PREBUILD_LIMIT", null, 0),
};
