import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile, type ProcessResult } from "../../lib/content/post/process-file";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import { POST_EXTENSIONS } from "../../lib/content/source/post-files";
import { OPTIONS, SHARED_DIR, expectOk, parseHtml, walkFiles } from "./helpers";
import { siteFrom } from "./site-store";

const SEED_DIR = path.join(SHARED_DIR, "seed");
const CORPUS_DIR = path.join(SHARED_DIR, "corpus");
const SEED_FILE = path.join(SEED_DIR, "000_a2925322a5ee191f.txt");
/** The one corpus file whose front matter is not valid YAML (relative to CORPUS_DIR). */
const BROKEN = `rsshub-sample/post/二次元/AGE 动漫 - 番剧详情/"""""""'第1集'""""""".md`;

const hasSeed = existsSync(SEED_DIR);
const hasCorpus = existsSync(CORPUS_DIR);

interface Processed {
  file: string;
  result: ProcessResult;
}

/** Files the site reads as posts; the corpus also holds a `.jsonl` manifest, which is not one. */
const isPost = (file: string) => POST_EXTENSIONS.some((ending) => file.toLowerCase().endsWith(ending));

/** Every post file under `dir` (walked recursively), processed once for all the tests below. */
function processAll(dir: string): Processed[] {
  if (!existsSync(dir)) return [];
  return walkFiles(dir)
    .filter(isPost)
    .map((file) => ({ file, result: processFile(file, readFileSync(path.join(dir, file)), OPTIONS) }));
}

const corpus = processAll(CORPUS_DIR);
const seed = processAll(SEED_DIR);

/** Checks the published HTML is safe and every image keeps working on another site. */
function expectSafeHtml(file: string, html: string): void {
  expect(html, file).not.toMatch(/<script/i);
  expect(html, file).not.toMatch(/<style/i);
  expect(html, file).not.toMatch(/ on\w+=/i);
  expect(html, file).not.toMatch(/javascript:/i);
  expect(html, file).not.toMatch(/ style=/i);
  const container = parseHtml(html);
  for (const image of Array.from(container.querySelectorAll("img"))) {
    expect(image.getAttribute("referrerpolicy"), `${file}: ${image.outerHTML}`).toBe("no-referrer");
  }
  const rawImages = html.match(/<img\b[^>]*>/gi) ?? [];
  for (const tag of rawImages) expect(tag, file).toContain('referrerpolicy="no-referrer"');
  for (const element of Array.from(container.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith("on"), `${file}: ${attribute.name} on <${element.tagName}>`).toBe(false);
    }
  }
}

describe.skipIf(!hasSeed)(hasSeed ? "the seed article" : "skipped: ../shared/seed not present", () => {
  const found = seed.find((entry) => path.join(SEED_DIR, entry.file) === SEED_FILE);
  const article = (): ParsedArticle => {
    if (!found) throw new Error(`seed file missing: ${SEED_FILE}`);
    return expectOk(found.result);
  };

  it("every seed file processes", () => {
    expect(seed.length).toBeGreaterThan(0);
    for (const { file, result } of seed) expect(result.ok, `${file}: ${JSON.stringify(result.ok ? null : result.problems)}`).toBe(true);
  });

  it("has the expected front matter", () => {
    const { meta } = article();
    expect(meta.title).toBe("今年微信公开课，有关零售的四个关键场景");
    expect(meta.date).toBe("2022-01-06T23:39:42.000Z");
    expect(meta.categories).toEqual([["新媒体", "36kr", "资讯"]]);
    expect(meta.author).toBe("36kr");
    expect(meta.image).toBe("https://picsum.photos/400/300?random=2424");
    expect(meta.draft).toBe(false);
  });

  it("has exactly 4 headings, all h2, ids starting 01- to 04-", () => {
    const { headings } = article().body;
    expect(headings).toHaveLength(4);
    headings.forEach((heading, position) => {
      expect(heading.depth).toBe(2);
      expect(heading.id.startsWith(`0${position + 1}-`), heading.id).toBe(true);
    });
    expect(new Set(headings.map((heading) => heading.id)).size).toBe(4);
  });

  it("has 20 entity links; the 17 that are whole words are entities, each a 36kr project link with a name", () => {
    const { entities, partialWordLinks, html } = article().body;
    // The source's auto-linker matched inside words: 公开课, 投放了数十万台, 商圈有客流.
    expect(partialWordLinks.map((link) => link.text)).toEqual(["开课", "了数", "有客"]);
    expect(entities).toHaveLength(17);
    for (const entity of entities) {
      expect(entity.name).not.toBe("");
      expect(["1", "2"]).toContain(entity.referType);
      expect(entity.href).toMatch(/^https:\/\//);
    }
    expect(entities[0]).toMatchObject({ key: "2-3968527", name: "微信", referType: "2", href: "https://36kr.com/projectDetails/3968527" });
    expect(html.match(/<a class="project-link"/g)).toHaveLength(17);
  });

  it("its sanitized html has no script, style element or style attribute", () => {
    const { html } = article().body;
    expect(html).not.toContain("<script");
    expect(html).not.toContain(" style=");
    expect(html).not.toContain("<style");
    expectSafeHtml("seed", html);
  });

  it("builds into a site index with entity cards", async () => {
    const { documents } = await siteFrom([article()]);
    expect(documents[0]?.entities.length).toBeGreaterThan(0);
    expect(documents[0]?.entities.length).toBeLessThanOrEqual(20);
  });
});

describe.skipIf(!hasCorpus)(hasCorpus ? "every corpus file" : "skipped: ../shared/corpus not present", () => {
  const posts = corpus;

  it("holds the expected sample: 33 posts, and only the manifest besides them", () => {
    expect(posts.length).toBe(33);
    expect(corpus.map((entry) => entry.file)).toContain(BROKEN);
    expect(walkFiles(CORPUS_DIR).filter((file) => !isPost(file))).toEqual(["rsshub-sample.manifest.jsonl"]);
  });

  it("all files process except exactly the broken 第1集 file, which is a 'yaml' problem", () => {
    const failed = corpus.filter((entry) => !entry.result.ok);
    expect(failed.map((entry) => entry.file)).toEqual([BROKEN]);
    const broken = failed[0]?.result;
    expect(broken && !broken.ok && broken.problems.map((problem) => problem.kind)).toEqual(["yaml"]);
    expect(broken && !broken.ok && broken.problems[0]?.line).toBe(3);
  });

  it.each(corpus.map((entry) => [entry.file, entry] as const))("%s: safe html, images with no-referrer", (_file, { file, result }) => {
    if (!result.ok) {
      expect(file).toBe(BROKEN);
      return;
    }
    expectSafeHtml(file, result.article.body.html);
    expect(result.article.meta.title, file).not.toBe("");
    for (const heading of result.article.body.headings) expect(heading.text, file).not.toBe("");
  });

  it("every post's dates and categories come from its front matter", () => {
    for (const { file, result } of posts) {
      if (!result.ok) continue;
      expect(Number.isNaN(Date.parse(result.article.meta.date)), file).toBe(false);
      expect(result.article.meta.categories.length, file).toBe(1);
      expect(result.article.meta.categories[0]?.length, file).toBeGreaterThanOrEqual(2);
    }
  });

  it("the post named ' .md' with title ' ' gets a readable fallback title and a warning", () => {
    const entry = corpus.find((candidate) => candidate.file.endsWith("/资讯/ .md"));
    expect(entry).toBeDefined();
    if (!entry) return;
    const article = expectOk(entry.result);
    expect(article.meta.title.trim()).not.toBe("");
    expect(article.warnings).toHaveLength(1);
  });

  it("the whole corpus builds into one site index", async () => {
    const parsed = corpus.flatMap((entry) => (entry.result.ok ? [entry.result.article] : []));
    const { store, summaries, documents, ids } = await siteFrom(parsed);
    expect(summaries).toHaveLength(parsed.length);
    expect(documents).toHaveLength(parsed.length);
    const roots = store.manifest.categories.map((node) => node.name).sort();
    expect(roots).toEqual(["新媒体", "编程"].sort());
    for (const node of store.manifest.categories) {
      const childIds = new Set(node.children.flatMap((child) => ids(child.list)));
      for (const id of childIds) expect(ids(node.list)).toContain(id);
    }
  });
});
