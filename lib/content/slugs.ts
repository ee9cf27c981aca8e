import { createHash } from "node:crypto";
import path from "node:path";
import { slug as githubSlug } from "github-slugger";
import { withoutPostExtension } from "./source/post-files";

/**
 * URL segments for names and articles. github-slugger keeps Chinese readable
 * (`新媒体`, `ai-研习社`) and drops punctuation; a name with nothing left
 * (`..`, `?`, ` `) gets a short stable hash so it still has a working URL.
 */
export function nameToSegment(name: string): string {
  const slugged = githubSlug(name).replace(/^-+|-+$/g, "");
  if (slugged !== "" && !/^\.+$/.test(slugged)) return slugged;
  return `n-${shortHash(name)}`;
}

/** An article's default URL segment comes from its file name, as in Hexo's `:title`. */
export function articleSlugFromFileName(relativePath: string): string {
  const base = withoutPostExtension(path.posix.basename(relativePath));
  const slugged = githubSlug(base).replace(/^-+|-+$/g, "");
  return slugged !== "" ? slugged : `a-${shortHash(relativePath)}`;
}

/** `slug:`, `abbrlink:` or `permalink:` from front matter, reduced to one URL-safe segment. */
export function normalizeExplicitSlug(value: string): string {
  const lastSegment = value.trim().replace(/\/+$/, "").split("/").pop() ?? "";
  return githubSlug(lastSegment.replace(/\.html?$/i, "")).replace(/^-+|-+$/g, "");
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
