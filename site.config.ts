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

/** Reads the settings from `env`; values that cannot be read fall back to the default and are listed in `problems`. */
export function readSiteConfig(env: Readonly<Record<string, string | undefined>>): { config: SiteConfig; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const string = (name: string, fallback: string): string => text(name) ?? fallback;
  /** A whole number of at least `min`, `all` (null) when `allowAll`, or the fallback when unset. */
  const count = (name: string, fallback: number | null, min: number, allowAll: boolean): number | null => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (allowAll && value.toLowerCase() === "all") return null;
    if (/^\d+$/.test(value) && Number.parseInt(value, 10) >= min) return Number.parseInt(value, 10);
    problems.push(`${name} must be a whole number of at least ${min}${allowAll ? " or “all”" : ""} (got “${value}”)`);
    return fallback;
  };
  const origin = (name: string, fallback: string): string => {
    const value = text(name);
    if (value === undefined) return fallback;
    const url = URL.canParse(value) ? new URL(value) : null;
    if (url && (url.protocol === "https:" || url.protocol === "http:") && url.pathname === "/" && url.search === "" && url.hash === "") {
      return url.origin;
    }
    problems.push(`${name} must be the site's origin, such as https://example.com (got “${value}”)`);
    return fallback;
  };

  const config: SiteConfig = {
    title: string("SITE_TITLE", "阅读"),
    description: string("SITE_DESCRIPTION", "好读的中文科技与商业文章"),
    // On Vercel, the project's production domain (a system variable Vercel sets for builds and functions).
    baseUrl: origin("SITE_URL", text("VERCEL_PROJECT_PRODUCTION_URL") ? `https://${text("VERCEL_PROJECT_PRODUCTION_URL")}` : "http://localhost:3000"),
    language: string("SITE_LANG", "zh-CN"),
    timeZone: string("SITE_TIME_ZONE", "Asia/Shanghai"),
    pageSize: count("SITE_PAGE_SIZE", 20, 1, false) ?? 20,
    // Readers rarely go past the first pages of a list; with thousands of articles the deep pages were a fifth of
    // all pages a build rendered (1,262 of 6,267 at 5,000 articles, measured with `npm run bench`).
    prebuildListPages: count("YUEDU_PREBUILD_LIST_PAGES", 10, 1, true),
    prebuildArticles: count("YUEDU_PREBUILD_LIMIT", null, 0, true),
  };
  return { config, problems };
}

const read = readSiteConfig(process.env);
export const siteConfig: SiteConfig = read.config;
/** Settings from the environment that could not be read: the content step, which starts every build, stops on them. */
export const siteConfigProblems: readonly string[] = read.problems;
