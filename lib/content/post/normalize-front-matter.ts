import path from "node:path";
import type { ContentProblem } from "../problems";
import { articleSlugFromFileName, normalizeExplicitSlug } from "../slugs";
import { withoutPostExtension } from "../source/post-files";
import { collapseWhitespace, decodeCharacterReferences } from "../text";
import { parseContentDate } from "./parse-date";
import type { ArticleMeta, HexoFrontMatter } from "./post-types";

export interface NormalizeResult {
  meta: ArticleMeta | null;
  problems: ContentProblem[];
  warnings: string[];
}

/**
 * The one conversion from what a file says (`HexoFrontMatter`) to what the site
 * uses (`ArticleMeta`). Every problem is reported, not just the first, so the
 * owner can fix a file in one go.
 */
export function normalizeFrontMatter(
  relativePath: string,
  data: HexoFrontMatter,
  options: { timeZone: string; fallbackTitle: string; keyLines?: ReadonlyMap<string, number> },
): NormalizeResult {
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  const problem: Report = (kind, message, key) => {
    const line = key === undefined ? undefined : options.keyLines?.get(key);
    problems.push({ file: relativePath, kind, message, ...(line === undefined ? {} : { line }) });
  };
  /** Which of the keys that mean the same thing the post used (`categories` or `category`, …). */
  const keyUsed = (...keys: (keyof HexoFrontMatter)[]): string => keys.find((key) => data[key] !== undefined && data[key] !== null) ?? keys[0] ?? "";

  let title = "";
  if (data.title === undefined || data.title === null) problem("title", "no title: add `title: '…'` to the front matter");
  else if (typeof data.title !== "string" && typeof data.title !== "number") problem("title", `title must be text, not ${describe(data.title)}`, "title");
  else {
    title = collapseWhitespace(decodeCharacterReferences(String(data.title)));
    if (title === "") {
      if (String(data.title) === "") problem("title", "title is empty: write the title between the quotes, e.g. `title: '…'`", "title");
      else {
        // The feed lost this title (the corpus has `title: ' '`); show something readable rather than drop the post.
        title = options.fallbackTitle;
        warnings.push(`title is blank; showing “${title}” instead`);
      }
    }
  }

  const date = readDate("date", data.date, options.timeZone, problem, true);
  const updated = readDate("updated", data.updated, options.timeZone, problem, false);

  const categories = readCategories(data.categories ?? data.category, (kind, message) => problem(kind, message, keyUsed("categories", "category")));
  const tags = readNameList("tags", data.tags, problem);
  const author = readOptionalText("author", data.author, problem);
  const image = readImage(data, problem);
  const description = readOptionalText(keyUsed("description", "excerpt"), data.description ?? data.excerpt, problem);

  let slug = articleSlugFromFileName(relativePath);
  const explicitSlug = data.slug ?? data.abbrlink ?? data.permalink;
  if (explicitSlug !== undefined && explicitSlug !== null && explicitSlug !== "") {
    const slugKey = keyUsed("slug", "abbrlink", "permalink");
    if (typeof explicitSlug !== "string" && typeof explicitSlug !== "number") problem("slug", `slug must be text, not ${describe(explicitSlug)}`, slugKey);
    else {
      const normalized = normalizeExplicitSlug(String(explicitSlug));
      if (normalized === "") problem("slug", `slug “${String(explicitSlug)}” has no letters or digits to make a URL from`, slugKey);
      else slug = normalized;
    }
  }

  const draft = data.published === false || data.published === "false" || data.draft === true || data.draft === "true";

  if (problems.length > 0 || date === null) return { meta: null, problems, warnings };
  return {
    meta: {
      slug,
      sourcePath: relativePath,
      title,
      date: date.toISOString(),
      updated: updated ? updated.toISOString() : null,
      author,
      categories,
      tags,
      image,
      description: description ? collapseWhitespace(decodeCharacterReferences(description)) : null,
      draft,
    },
    problems,
    warnings,
  };
}

/** Records a problem; `key` is the front matter key it is about, for the line number. */
type Report = (kind: ContentProblem["kind"], message: string, key?: string) => void;

function readDate(key: string, value: unknown, timeZone: string, problem: Report, required: boolean): Date | null {
  if (value === undefined || value === null || value === "") {
    if (required) problem("date", `no ${key}: add \`${key}: Thu, 06 Jan 2022 23:39:42 GMT\` or \`${key}: 2022-01-06 23:39:42\``);
    return null;
  }
  const date = parseContentDate(value, timeZone);
  if (!date) {
    problem(
      "date",
      `${key} “${typeof value === "string" ? value : describe(value)}” cannot be read; use RFC 1123 (Thu, 06 Jan 2022 23:39:42 GMT), ISO 8601 with a zone, or YYYY-MM-DD HH:mm:ss`,
      key,
    );
  }
  return date;
}

function isName(value: unknown): value is string | number {
  return (typeof value === "string" && collapseWhitespace(value) !== "") || (typeof value === "number" && Number.isFinite(value));
}

function cleanName(value: string | number): string {
  return collapseWhitespace(decodeCharacterReferences(String(value)));
}

/** Hexo: a string (one category), a list (one nested path) or a list of lists (several paths). */
function readCategories(value: unknown, problem: Report): string[][] {
  if (value === undefined || value === null || value === "") return [];
  if (isName(value)) return [[cleanName(value)]];
  if (!Array.isArray(value)) {
    problem("categories", `categories must be a name, a list (one nested path) or a list of lists, not ${describe(value)}`);
    return [];
  }
  const items: unknown[] = value;
  if (items.every((item) => Array.isArray(item) || isName(item)) && items.some((item) => Array.isArray(item))) {
    // Hexo reads a mixed list as several paths: plain names are one-level paths.
    const paths: string[][] = [];
    for (const item of items) {
      if (!Array.isArray(item)) {
        if (isName(item)) paths.push([cleanName(item)]);
        continue;
      }
      const entries: unknown[] = item;
      if (entries.length === 0 || !entries.every(isName)) {
        problem("categories", `each category path must be a list of names; found ${describe(item)}`);
        continue;
      }
      paths.push(entries.filter(isName).map(cleanName));
    }
    return dedupePaths(paths);
  }
  if (!items.every(isName)) {
    problem("categories", `every category must be a name; found ${describeNonNames(items)}`);
    return [];
  }
  return items.length > 0 ? [items.filter(isName).map(cleanName)] : [];
}

function dedupePaths(paths: string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((entry) => {
    const key = JSON.stringify(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readNameList(key: "tags", value: unknown, problem: Report): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (isName(value)) return [cleanName(value)];
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    if (items.every(isName)) return Array.from(new Set(items.filter(isName).map(cleanName)));
    problem(key, `${key} must be names; found ${describeNonNames(items)}`, key);
    return [];
  }
  problem(key, `${key} must be a name or a list of names, not ${describe(value)}`, key);
  return [];
}

function readOptionalText(key: string, value: unknown, problem: Report): string | null {
  if (value === undefined || value === null) return null;
  if (isName(value)) return cleanName(value);
  if (typeof value === "string") return null;
  problem(key === "author" ? "author" : "front-matter-shape", `${key} must be text, not ${describe(value)}`, key);
  return null;
}

function readImage(data: HexoFrontMatter, problem: Report): string | null {
  for (const key of ["headimg", "cover", "thumbnail"] as const) {
    const value = data[key];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") {
      problem("front-matter-shape", `${key} must be an image URL, not ${describe(value)}`, key);
      continue;
    }
    const url = value.trim();
    // Only absolute http(s) images or site-relative paths; anything else (javascript:, data:) is ignored.
    if (/^https?:\/\/[^\s"'<>\\]+$/i.test(url) || /^\/(?!\/)[^\s"'<>\\]*$/.test(url)) return url;
  }
  return null;
}

/** Only the items that are wrong, so the owner sees at once what to fix in a long list. */
function describeNonNames(items: unknown[]): string {
  return items.filter((item) => !isName(item)).map(describe).join(", ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === "object") return `a mapping (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** A readable title for a post whose own title is blank: its file name, else nothing useful. */
export function titleFromFileName(relativePath: string): string {
  return collapseWhitespace(withoutPostExtension(path.posix.basename(relativePath)));
}
