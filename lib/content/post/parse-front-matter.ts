import matter from "gray-matter";
import yaml from "js-yaml";
import { isRecord } from "../../util/is-record";
import type { ContentProblem } from "../problems";
import type { HexoFrontMatter } from "./post-types";

export interface SplitPost {
  data: HexoFrontMatter;
  body: string;
  /** The line in the file of each top-level front matter key, so a problem with a value can point at it. */
  keyLines: ReadonlyMap<string, number>;
}

/**
 * YAML without the timestamp type: `2021-12-31 23:59:59` stays a string so
 * `parse-date.ts` can read it in the site's time zone (js-yaml would read it as UTC).
 */
const yamlEngine = {
  parse: (source: string): object => {
    const value: unknown = yaml.load(source, { schema: yaml.CORE_SCHEMA });
    return value !== null && typeof value === "object" ? value : { __notAMapping: value };
  },
};

/** Splits a post into front matter and body, the way Hexo reads it (leading blank lines allowed). */
export function parseFrontMatter(relativePath: string, text: string): SplitPost | ContentProblem {
  // Hexo tolerates blank lines before `---`; gray-matter silently finds nothing unless they are removed.
  const leading = text.match(/^\s*/)?.[0] ?? "";
  const trimmed = text.slice(leading.length);
  const linesBefore = leading.split("\n").length - 1;
  if (!/^---[ \t]*\n/.test(trimmed)) {
    return {
      file: relativePath,
      kind: "no-front-matter",
      message: "no front matter: the file must start with a `---` line, then YAML (title, date, …), then `---`",
      line: linesBefore + 1,
    };
  }
  if (!/\n---[ \t]*(\n|$)/.test(trimmed.slice(3))) {
    return { file: relativePath, kind: "no-front-matter", message: "front matter is not closed: no second `---` line", line: linesBefore + 1 };
  }
  let parsed;
  try {
    // Passing options also turns off gray-matter's global cache, which would keep every file in memory.
    parsed = matter(trimmed, { engines: { yaml: yamlEngine } });
  } catch (error) {
    return yamlProblem(relativePath, error, linesBefore);
  }
  const data: unknown = parsed.data;
  if (!isRecord(data) || "__notAMapping" in data) {
    return {
      file: relativePath,
      kind: "front-matter-shape",
      message: "front matter is not a list of `key: value` lines",
      line: linesBefore + 2,
    };
  }
  return { data: toHexoFrontMatter(data), body: parsed.content, keyLines: topLevelKeyLines(parsed.matter, linesBefore + 2) };
}

/** `key: …` lines at the top level of the front matter (`firstLine` is the file's line of its first line). */
function topLevelKeyLines(frontMatter: string, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  // gray-matter's `matter` starts with the line break after the opening `---`.
  frontMatter.replace(/^\r?\n/, "").split(/\r?\n/).forEach((line, at) => {
    const key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, firstLine + at);
  });
  return lines;
}

function toHexoFrontMatter(data: Record<string, unknown>): HexoFrontMatter {
  const pick = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
  return {
    title: pick("title"),
    date: pick("date"),
    updated: pick("updated"),
    categories: pick("categories"),
    category: pick("category"),
    tags: pick("tags"),
    author: pick("author"),
    headimg: pick("headimg"),
    thumbnail: pick("thumbnail"),
    cover: pick("cover"),
    description: pick("description"),
    excerpt: pick("excerpt"),
    slug: pick("slug"),
    abbrlink: pick("abbrlink"),
    permalink: pick("permalink"),
    published: pick("published"),
    draft: pick("draft"),
  };
}

function yamlProblem(relativePath: string, error: unknown, linesBefore: number): ContentProblem {
  if (error instanceof yaml.YAMLException) {
    // gray-matter hands js-yaml the text right after the opening `---`, so mark line 0 is that line.
    const line = error.mark ? error.mark.line + linesBefore + 1 : undefined;
    const reason = error.reason || "invalid YAML";
    return {
      file: relativePath,
      kind: "yaml",
      message: `front matter is not valid YAML${line ? ` (line ${line})` : ""}: ${reason}`,
      ...(line ? { line } : {}),
    };
  }
  return { file: relativePath, kind: "yaml", message: `front matter could not be read: ${String(error)}` };
}
