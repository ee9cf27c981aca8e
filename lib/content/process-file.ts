import { normalizeFrontMatter, titleFromFileName } from "./normalize-front-matter";
import { parseFrontMatter } from "./parse-front-matter";
import { decodeSourceText } from "./read-source-files";
import { sanitizeBody } from "./sanitize-body";
import { truncateText } from "./text";
import type { ContentProblem, ParsedArticle } from "./types";

export interface ProcessOptions {
  timeZone: string;
  siteOrigin: string;
}

export type ProcessResult = { ok: true; article: ParsedArticle } | { ok: false; problems: ContentProblem[] };

/** Everything that happens to one file, from bytes to a checked, sanitized article. Pure: safe to cache and to run in a worker. */
export function processFile(relativePath: string, bytes: Buffer, options: ProcessOptions): ProcessResult {
  const decoded = decodeSourceText(relativePath, bytes);
  if ("kind" in decoded) return { ok: false, problems: [decoded] };
  const split = parseFrontMatter(relativePath, decoded.text);
  if ("kind" in split) return { ok: false, problems: [split] };

  // The body is sanitized before the title check so a blank title can fall back to the body's first words.
  const body = sanitizeBody(split.body, { siteOrigin: options.siteOrigin });
  const fallbackTitle = titleFromFileName(relativePath) || truncateText(body.textStart, 30) || "无标题";
  const normalized = normalizeFrontMatter(relativePath, split.data, { timeZone: options.timeZone, fallbackTitle });
  if (!normalized.meta) return { ok: false, problems: normalized.problems };
  return { ok: true, article: { meta: normalized.meta, body, warnings: normalized.warnings } };
}
