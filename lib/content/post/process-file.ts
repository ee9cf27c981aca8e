import { sanitizeBody } from "../sanitize/sanitize-body";
import { decodeSourceText } from "../source/decode-source";
import { countReadingUnits, decodeCharacterReferences, truncateText } from "../text";
import { MAX_MARKUP_DEPTH, findExcessiveNesting } from "./markup-depth";
import { normalizeFrontMatter, titleFromFileName } from "./normalize-front-matter";
import { parseFrontMatter } from "./parse-front-matter";
import type { ProcessOptions, ProcessResult } from "./post-types";

export type { ProcessOptions, ProcessResult } from "./post-types";

/** Everything that happens to one file, from bytes to a checked, sanitized article. Pure: safe to cache and to run in a worker. */
export function processFile(relativePath: string, bytes: Buffer, options: ProcessOptions): ProcessResult {
  const decoded = decodeSourceText(relativePath, bytes);
  if ("kind" in decoded) return { ok: false, problems: [decoded] };
  const split = parseFrontMatter(relativePath, decoded.text);
  if ("kind" in split) return { ok: false, problems: [split] };

  // Only needed to point at a problem in the body, so counted only then.
  const bodyStartLine = (): number => lineCount(decoded.text) - lineCount(split.body) + 1;
  const tooDeep = findExcessiveNesting(split.body);
  if (tooDeep) {
    return {
      ok: false,
      problems: [{
        file: relativePath,
        kind: "body",
        message: `the body's markup nests more than ${MAX_MARKUP_DEPTH} elements deep; browsers flatten anything deeper, so it cannot be published as written`,
        line: bodyStartLine() + lineCount(split.body.slice(0, tooDeep.offset)) - 1,
      }],
    };
  }
  // The body is sanitized before the title check so a blank title can fall back to the body's first words.
  let body;
  try {
    body = sanitizeBody(split.body, { siteOrigin: options.siteOrigin });
  } catch (error) {
    // Not expected for any input (the depth check above covers the known case), but one file must never stop the build.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file: relativePath, kind: "body", message: `the body could not be sanitized (${reason})`, line: bodyStartLine() }] };
  }
  const fallbackTitle = titleFromFileName(relativePath) || truncateText(body.textStart, 30) || "无标题";
  const normalized = normalizeFrontMatter(relativePath, split.data, { timeZone: options.timeZone, fallbackTitle, keyLines: split.keyLines });
  if (!normalized.meta) return { ok: false, problems: normalized.problems };
  const lostText = describeLostText(split.body, body.hanCount + body.latinWordCount);
  const warnings = [
    ...normalized.warnings,
    ...(lostText ? [lostText] : []),
    ...body.partialWordLinks.map((link) => `entity link “${link.text}” is part of a longer word (…${link.context}…): kept as a plain link, with no card`),
  ];
  return { ok: true, article: { meta: normalized.meta, body, warnings } };
}

/** Bodies shorter than this (in reading units) are too short to judge. */
const LOST_TEXT_MIN_UNITS = 100;

/**
 * Sanitizing drops whole elements with their content when they are not
 * allowed (`<audio>`, `<noscript>`, `<template>`…), and an unclosed one takes
 * everything after it. That is safe, but the owner must hear of it rather
 * than find half an article published: warn when most of the readable text is gone.
 */
function describeLostText(rawBody: string, keptUnits: number): string | null {
  const rawText = rawBody
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ");
  const raw = countReadingUnits(decodeCharacterReferences(rawText));
  const rawUnits = raw.han + raw.latinWords;
  if (rawUnits < LOST_TEXT_MIN_UNITS || keptUnits >= rawUnits / 2) return null;
  return `sanitizing removed most of the body's text (${keptUnits} of ${rawUnits} characters and words kept); an element that is not allowed, such as an unclosed <audio>, <video> or <noscript>, may hold the rest`;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines += 1;
  return lines;
}
