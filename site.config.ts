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
  /**
   * How many of the newest articles `next build` renders; the rest render from the same store on their first
   * request and are cached from then on (the same page: e2e/deploy checks it). `null`: all.
   */
  prebuildArticles: number | null;
  /**
   * The largest archive the build makes a search index for; `null` (the default): any size, 0: never. The index
   * step holds every term's postings in memory while it builds them (measured with
   * `npm run bench`: 219 MB at 5,000 articles, 456 MB at 100,000), so any archive this site can build can be indexed.
   */
  searchMaxArticles: number | null;
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

  // In this order, so the problems are listed in the order of the README's table.
  const title = string("SITE_TITLE", "阅读");
  const description = string("SITE_DESCRIPTION", "好读的中文科技与商业文章");
  // On Vercel, the project's production domain (a system variable Vercel sets for builds and functions).
  const baseUrl = origin("SITE_URL", text("VERCEL_PROJECT_PRODUCTION_URL") ? `https://${text("VERCEL_PROJECT_PRODUCTION_URL")}` : "http://localhost:3000");
  const language = string("SITE_LANG", "zh-CN");
  const timeZone = string("SITE_TIME_ZONE", "Asia/Shanghai");
  const pageSize = count("SITE_PAGE_SIZE", 20, 1, false) ?? 20;
  // What is worth prerendering is what readers surely reach: the first pages of every list, and the articles the
  // prebuilt home pages list (60: 3 pages of 20), so a reader who starts at the home page meets prebuilt pages
  // only. Every other page costs its first reader one render (p50 21 ms, p99 59 ms at 5,000 articles), and only if
  // someone asks for it; a prebuilt page costs every deploy about 20 ms of build time (measured with
  // `npm run bench`: 459 pages with 10 list pages and 200 articles took 9.4 s of a 5,000-article build, 144
  // pages with 3 and 60 took 4.8 s).
  const prebuildListPages = count("YUEDU_PREBUILD_LIST_PAGES", 3, 1, true);
  const prebuildArticles = count("YUEDU_PREBUILD_LIMIT", prebuildListPages === null ? null : pageSize * prebuildListPages, 0, true);
  const searchMaxArticles = count("YUEDU_SEARCH_LIMIT", null, 0, true);
  const config: SiteConfig = { title, description, baseUrl, language, timeZone, pageSize, prebuildListPages, prebuildArticles, searchMaxArticles };
  return { config, problems };
}

const read = readSiteConfig(process.env);
export const siteConfig: SiteConfig = read.config;
/** Settings from the environment that could not be read: the content step, which starts every build, stops on them. */
export const siteConfigProblems: readonly string[] = read.problems;
