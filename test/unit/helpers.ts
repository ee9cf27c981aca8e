import { promises as fs, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import type { ParsedArticle, ProcessResult } from "../../lib/content/post/post-types";
import type { ContentProblem } from "../../lib/content/problems";

export const OPTIONS = { timeZone: "Asia/Shanghai", siteOrigin: "http://localhost:3000" } as const;
export const SANITIZE_OPTIONS = { siteOrigin: OPTIONS.siteOrigin } as const;

/** `../shared` next to the project (seed and corpus live there when present). */
export const PROJECT_DIR = path.resolve(__dirname, "../..");
export const SHARED_DIR = path.resolve(PROJECT_DIR, "../shared");

/** A post with the given front matter lines and body, as UTF-8 bytes. */
export function post(frontMatter: string, body = "<div><p>正文内容。</p></div>"): Buffer {
  return Buffer.from(`---\n${frontMatter}\n---\n\n${body}\n`, "utf8");
}

/** A minimal valid front matter, with extra lines appended. */
export function validFrontMatter(extra = ""): string {
  return `title: '标题'\ndate: Thu, 06 Jan 2022 23:39:42 GMT${extra ? `\n${extra}` : ""}`;
}

export function expectOk(result: ProcessResult): ParsedArticle {
  if (!result.ok) throw new Error(`expected success, got problems: ${JSON.stringify(result.problems)}`);
  return result.article;
}

export function expectProblems(result: ProcessResult): ContentProblem[] {
  if (result.ok) throw new Error(`expected problems, got article: ${JSON.stringify(result.article.meta)}`);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** A temp folder removed after the test file finishes. */
const created: string[] = [];
export async function tempDir(prefix = "yuedu-test-"): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of created.splice(0)) {
    // Restore permissions first so a mode-000 file cannot block the cleanup.
    await fs.chmod(dir, 0o700).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Writes files (relative path → content) under `root`, creating folders. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
}

/** Every file under `root`, recursively, as paths relative to it with `/` separators. */
export function walkFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  visit(root);
  return out.sort();
}

/** jsdom is installed with isomorphic-dompurify (no type package); only the constructor is needed. */
type JsdomModule = { JSDOM: new (html: string) => { window: { document: Document; DOMParser: typeof DOMParser } } };
let jsdomDocument: Document | null = null;
let xmlParser: DOMParser | null = null;

/**
 * Parses XML as a browser or feed reader would, with jsdom's XML parser (saxes). Throws, quoting the
 * parser's message, when the text is not well-formed.
 */
export function parseXml(xml: string): Document {
  if (!xmlParser) {
    const { JSDOM } = createRequire(__filename)("jsdom") as JsdomModule;
    xmlParser = new (new JSDOM("").window.DOMParser)();
  }
  const document = xmlParser.parseFromString(xml, "application/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ""}`);
  return document;
}

/** Parses an HTML fragment into a detached <div>, with the same jsdom the sanitizer runs on. */
export function parseHtml(html: string): HTMLElement {
  if (!jsdomDocument) {
    const { JSDOM } = createRequire(__filename)("jsdom") as JsdomModule;
    jsdomDocument = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  }
  const container = jsdomDocument.createElement("div");
  container.innerHTML = html;
  return container;
}
