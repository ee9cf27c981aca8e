/**
 * End-to-end check of what the owner sees when posts are broken: each case runs
 * the real first step of `npm run build` (scripts/build-content.ts under tsx) in
 * a child process against a temp content folder, and compares its output line
 * for line. Children are started concurrently: each spends about a second
 * starting tsx and jsdom.
 */
import { readFileSync, promises as fs } from "node:fs";
import path from "node:path";
import { afterAll, describe, it, type ExpectStatic } from "vitest";
import { isRecord } from "../../lib/util/is-record";
import { ContentStore } from "../../lib/store/read-store";
import {
  BLANK_TITLE_POST,
  BROKEN_FILE_KINDS,
  BUILD_STOPPED,
  VALID_POSTS,
  folderWithoutPostsMessage,
  missingFolderMessage,
  problemsHeader,
  skippedHeader,
  writeBlankTitlePost,
  writeValidPosts,
  type BrokenFileKind,
} from "../fixtures/broken-files";
import {
  PROJECT_DIR,
  createTestSite,
  giveTo,
  removeTestSite,
  runBuildContent,
  unprivilegedUser,
  type BuildRun,
  type TestSite,
  type UnprivilegedUser,
} from "./run-build-content";

const VALID_TITLES = VALID_POSTS.map((post) => post.title).sort();

const sites: TestSite[] = [];
afterAll(async () => {
  await Promise.all(sites.splice(0).map(removeTestSite));
});

async function newSite(prefix: string): Promise<TestSite> {
  const site = await createTestSite(prefix);
  sites.push(site);
  return site;
}

/** A site with the two valid posts and the kind's broken file(s), owned by `user` when the build runs as another user. */
async function siteWith(kinds: readonly BrokenFileKind[], user: UnprivilegedUser | null): Promise<TestSite> {
  const site = await newSite("broken");
  await writeValidPosts(site.contentDir);
  for (const kind of kinds) await kind.write(site.contentDir);
  if (user) await giveTo(site.root, user);
  return site;
}

/** The success lines, the content step's and its search index's; times vary, the cache is fresh so nothing comes from it. */
function contentBuiltLine(articles: number, total: number, contentDir: string): RegExp {
  const escaped = contentDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const searchLine = `  search index: \\d+ terms, \\d+\\.\\d MB, built in \\d+\\.\\d s\\n`;
  return new RegExp(`^✓ content: ${articles} articles from ${escaped} \\(0/${total} from cache\\) in \\d+\\.\\d s\\n${searchLine}$`);
}

/** Content problems are listed as messages; a stack trace or an error class name means something leaked. */
function expectNoStackTrace(expect: ExpectStatic, run: BuildRun): void {
  const output = run.stdout + run.stderr;
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/\b\w*(Error|Exception)\b/);
}

/** What a failed build must not leave: a store, or a half-written one beside it. */
async function storeFolders(site: TestSite): Promise<string[]> {
  return (await fs.readdir(site.root)).filter((name) => name.startsWith(path.basename(site.storeDir)));
}

/** Titles of the articles in the written store, sorted. */
function publishedTitles(site: TestSite): string[] {
  const store = ContentStore.open(site.storeDir);
  try {
    return Array.from(store.summariesBetween(0, store.articleCount), (article) => article.title).sort();
  } finally {
    store.close();
  }
}

/** The user a kind's build runs as (null: the current one); skips the test when the kind needs one that cannot be had. */
function userFor(kind: BrokenFileKind, skip: (note: string) => never): UnprivilegedUser | null {
  if (!kind.needsUnprivilegedUser) return null;
  const { user, reason } = unprivilegedUser();
  return user ?? skip(`skipped: ${reason}`);
}

describe.concurrent("scripts/build-content.ts with broken posts", () => {
  it("is what `npm run build` runs first and what `npm run check` runs", ({ expect }) => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8"));
    const scripts = isRecord(manifest) && isRecord(manifest.scripts) ? manifest.scripts : {};
    expect(scripts.build).toMatch(/^tsx scripts\/build-content\.ts && /);
    expect(scripts.check).toBe("tsx scripts/build-content.ts --check");
  });

  for (const kind of BROKEN_FILE_KINDS) describe(kind.name, () => {
    const broken = kind.files.length;
    const total = broken + VALID_POSTS.length;

    it("stops the build, listing the file and its problem", async ({ expect, skip }) => {
      const user = userFor(kind, skip);
      const site = await siteWith([kind], user);
      const run = await runBuildContent(site, { user });
      expect(run.stderr).toBe([problemsHeader(broken, total, site.contentDir), ...kind.report, "", BUILD_STOPPED, ""].join("\n"));
      expect(run.stdout).toBe("");
      expect(run.code).toBe(1);
      expectNoStackTrace(expect, run);
      expect(await storeFolders(site)).toEqual([]);
    });

    it("with SKIP_INVALID=1, lists it as skipped and publishes exactly the valid posts", async ({ expect, skip }) => {
      const user = userFor(kind, skip);
      const site = await siteWith([kind], user);
      const run = await runBuildContent(site, { user, skipInvalid: true });
      expect(run.stderr).toBe([skippedHeader(broken, total, site.contentDir), ...kind.report, ""].join("\n"));
      expect(run.stdout).toMatch(contentBuiltLine(VALID_POSTS.length, total, site.contentDir));
      expect(run.code).toBe(0);
      expectNoStackTrace(expect, run);
      expect(publishedTitles(site)).toEqual(VALID_TITLES);
    });
  });

  // Root reads mode-000 files: the whole build runs as an unprivileged user then, or leaves those kinds out (and says so).
  const { user: everyKindUser, reason } = unprivilegedUser();
  describe(everyKindUser ? "every kind in one folder" : `every kind in one folder, except mode-000 files (${reason})`, () => {
    const kinds = BROKEN_FILE_KINDS.filter((kind) => everyKindUser || !kind.needsUnprivilegedUser);
    const broken = kinds.flatMap((kind) => kind.files).length;
    // The valid posts, and the blank-title post that builds with a warning.
    const total = broken + VALID_POSTS.length + 1;

    /** One site per test: the tests run at the same time, and each checks its own store and cache. */
    async function everyKindSite(): Promise<TestSite> {
      const site = await newSite("all-broken");
      await writeValidPosts(site.contentDir);
      await writeBlankTitlePost(site.contentDir);
      for (const kind of kinds) await kind.write(site.contentDir);
      if (everyKindUser) await giveTo(site.root, everyKindUser);
      return site;
    }

    /** Every kind's lines are there, and no other problem is. */
    function expectEveryProblemListed(expect: ExpectStatic, run: BuildRun): void {
      for (const kind of kinds) expect(run.stderr).toContain(kind.report.join("\n"));
      const messages = run.stderr.split("\n").filter((line) => line.startsWith("    - "));
      expect(messages).toHaveLength(kinds.flatMap((kind) => kind.report.filter((line) => line.startsWith("    - "))).length);
    }

    it("lists every problem in one run and stops the build", async ({ expect }) => {
      const site = await everyKindSite();
      const run = await runBuildContent(site, { user: everyKindUser });
      expect(run.stderr.startsWith(`! 1 warning:\n${BLANK_TITLE_POST.warning}\n`)).toBe(true);
      expect(run.stderr).toContain(`\n${problemsHeader(broken, total, site.contentDir)}\n`);
      expectEveryProblemListed(expect, run);
      expect(run.stderr.endsWith(`\n\n${BUILD_STOPPED}\n`)).toBe(true);
      expect(run.code).toBe(1);
      expectNoStackTrace(expect, run);
      expect(await storeFolders(site)).toEqual([]);
    });

    it("with SKIP_INVALID=1, lists every skipped file and publishes the valid posts, the blank-title one too", async ({ expect }) => {
      const site = await everyKindSite();
      const run = await runBuildContent(site, { user: everyKindUser, skipInvalid: true });
      expect(run.stderr).toContain(`\n${skippedHeader(broken, total, site.contentDir)}\n`);
      expectEveryProblemListed(expect, run);
      expect(run.stdout).toMatch(contentBuiltLine(VALID_POSTS.length + 1, total, site.contentDir));
      expect(run.code).toBe(0);
      expectNoStackTrace(expect, run);
      expect(publishedTitles(site)).toEqual([...VALID_TITLES, BLANK_TITLE_POST.shownTitle].sort());
    });

    it("`--check` lists the same problems, fails even with SKIP_INVALID=1, and writes nothing", async ({ expect }) => {
      const site = await everyKindSite();
      const [run, runSkipping] = await Promise.all([
        runBuildContent(site, { user: everyKindUser, args: ["--check"] }),
        runBuildContent(site, { user: everyKindUser, args: ["--check"], skipInvalid: true }),
      ]);
      for (const checked of [run, runSkipping]) {
        expect(checked.stderr).toContain(`\n${problemsHeader(broken, total, site.contentDir)}\n`);
        expectEveryProblemListed(expect, checked);
        expect(checked.stderr).not.toContain(BUILD_STOPPED);
        expect(checked.code).toBe(1);
        expectNoStackTrace(expect, checked);
      }
      expect(await storeFolders(site)).toEqual([]);
    });
  });

  it("`--check` of valid posts passes and writes nothing", async ({ expect }) => {
    const site = await siteWith([], null);
    const run = await runBuildContent(site, { args: ["--check"] });
    expect(run.stdout).toBe(`✓ 2 files in ${site.contentDir} are valid (2 articles to publish)\n`);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await storeFolders(site)).toEqual([]);
  });

  it("`--check` warns of entity links inside longer words, naming the file and the link, and passes", async ({ expect }) => {
    const site = await siteWith([], null);
    const file = "商业/零售/留学生的回国生意.md";
    const link = '<a class="project-link" data-id="77" data-name="伊利" data-refer-type="2" href="https://36kr.com/projectDetails/77">伊利</a>';
    await fs.mkdir(path.join(site.contentDir, "商业/零售"), { recursive: true });
    await fs.writeFile(
      path.join(site.contentDir, file),
      `---\ntitle: 留学生的回国生意\ncategories:\n - 商业\ndate: 2024-03-01 08:00:00\n---\n\n<p>他毕业于${link}诺伊州立大学，回国后做起了进口乳品生意。</p>\n`,
    );
    const run = await runBuildContent(site, { args: ["--check"] });
    expect(run.stderr).toBe(`! 1 warning:\n  ${file}: entity link “伊利” is part of a longer word (…他毕业于伊利诺伊州立大学，回…): kept as a plain link, with no card\n`);
    expect(run.stdout).toBe(`✓ 3 files in ${site.contentDir} are valid (3 articles to publish)\n`);
    expect(run.code).toBe(0);
  });

  it("stops on settings it cannot read, listing each one, before reading any post", async ({ expect }) => {
    const site = await siteWith([], null);
    const run = await runBuildContent(site, {
      settings: { SITE_URL: "read.example.com", SITE_PAGE_SIZE: "二十", SITE_TIME_ZONE: "Asia/Beijing" },
    });
    expect(run.stderr).toBe(
      [
        "✗ 3 settings cannot be read (see README, “Configuration”):",
        "  SITE_URL must be the site's origin, such as https://example.com (got “read.example.com”)",
        "  SITE_PAGE_SIZE must be a whole number of at least 1 (got “二十”)",
        "  SITE_TIME_ZONE is not a known IANA time zone: Asia/Beijing",
        "",
      ].join("\n"),
    );
    expect(run.stdout).toBe("");
    expect(run.code).toBe(1);
    expect(await storeFolders(site)).toEqual([]);
  });

  it("on worker threads (more posts than PARALLEL_THRESHOLD), publishes every post once and reports the broken one among them", async ({ expect }) => {
    const site = await newSite("parallel");
    const kind = BROKEN_FILE_KINDS[0];
    if (!kind || kind.needsUnprivilegedUser) throw new Error("the first broken kind must not need another user");
    await writeValidPosts(site.contentDir);
    await kind.write(site.contentDir);
    const generated = Array.from({ length: 150 }, (_, n) => `并行发布的第 ${n + 1} 篇`);
    await Promise.all(
      generated.map((title, n) =>
        fs.writeFile(
          path.join(site.contentDir, `并行-${n + 1}.md`),
          `\n---\ntitle: ${title}\ndate: Tue, 11 Jan 2022 02:${String(n % 60).padStart(2, "0")}:00 GMT\ncategories:\n - 测试\n---\n<h2>一</h2><p>正文 ${n + 1}。</p>`,
        ),
      ),
    );
    const total = VALID_POSTS.length + generated.length + 1;
    const run = await runBuildContent(site, { skipInvalid: true });
    expect(run.stderr).toBe([skippedHeader(1, total, site.contentDir), ...kind.report, ""].join("\n"));
    expect(run.stdout).toMatch(contentBuiltLine(total - 1, total, site.contentDir));
    expect(run.code).toBe(0);
    expect(publishedTitles(site)).toEqual([...VALID_TITLES, ...generated].sort());

    const again = await runBuildContent(site, { skipInvalid: true });
    // The broken file's problem is cached with the rest: every file comes from the cache.
    expect(again.stdout).toContain(`${total - 1} articles from ${site.contentDir} (${total}/${total} from cache)`);
    expect(publishedTitles(site)).toEqual([...VALID_TITLES, ...generated].sort());
  });

  describe("a content folder that cannot be used", () => {
    it("does not exist", async ({ expect }) => {
      const site = await newSite("missing");
      const missing = path.join(site.root, "没有这个文件夹");
      const run = await runBuildContent(site, { contentDir: missing });
      expect(run.stderr).toBe(`${missingFolderMessage(missing)}\n`);
      expect(run.stdout).toBe("");
      expect(run.code).toBe(1);
      expect(await storeFolders(site)).toEqual([]);
    });

    it("is empty", async ({ expect }) => {
      const site = await newSite("empty");
      const run = await runBuildContent(site);
      expect(run.stderr).toBe(`${folderWithoutPostsMessage(site.contentDir)}\n`);
      expect(run.stdout).toBe("");
      expect(run.code).toBe(1);
      expect(await storeFolders(site)).toEqual([]);
    });

    it("holds no post files, only images, notes and hidden files", async ({ expect }) => {
      const site = await newSite("no-posts");
      await fs.writeFile(path.join(site.contentDir, "封面.png"), "not a post");
      await fs.writeFile(path.join(site.contentDir, "笔记.json"), "{}");
      await fs.writeFile(path.join(site.contentDir, ".草稿.md"), "\n---\ntitle: '草稿'\n---\n");
      const run = await runBuildContent(site, { skipInvalid: true });
      expect(run.stderr).toBe(`${folderWithoutPostsMessage(site.contentDir)}\n`);
      expect(run.stdout).toBe("");
      expect(run.code).toBe(1);
      expect(await storeFolders(site)).toEqual([]);
    });
  });
});
