/**
 * `npm run check` and the first half of `npm run build`/`npm run dev`: reads the settings, runs the content step
 * (`lib/content/build-content.ts`) and tells the owner how it went. Content problems are listed all at once, by
 * file, never as a stack trace.
 */
import path from "node:path";
import { buildContent, type ContentBuildResult } from "../lib/content/build-content";
import { resolveCacheDir, resolveContentDir } from "../lib/content/locations";
import { assertTimeZone } from "../lib/content/post/parse-date";
import { formatProblems, formatWarnings } from "../lib/content/report";
import { resolveStoreDir } from "../lib/store/location";
import { siteConfig, siteConfigProblems } from "../site.config";

const checkOnly = process.argv.includes("--check");
const skipInvalid = process.argv.includes("--skip-invalid") || /^(1|true|yes)$/i.test(process.env.SKIP_INVALID ?? "");

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The content folder as the owner gave it: relative inside the project, absolute elsewhere (not `../../tmp/…`). */
function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === "") return ".";
  const outside = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? dir : relative;
}

function settingProblems(): string[] {
  const problems = [...siteConfigProblems];
  try {
    assertTimeZone(siteConfig.timeZone);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/** How many warnings a build prints before it sums up the rest. */
const BUILD_WARNINGS_SHOWN = 50;

async function main(): Promise<number> {
  const started = performance.now();
  const unreadable = settingProblems();
  if (unreadable.length > 0) {
    console.error(`✗ ${plural(unreadable.length, "setting")} cannot be read (see README, “Configuration”):\n  ${unreadable.join("\n  ")}`);
    return 1;
  }
  const contentDir = resolveContentDir();
  const shown = displayPath(contentDir);
  const result = await buildContent(
    {
      contentDir,
      cacheDir: resolveCacheDir(),
      storeDir: resolveStoreDir(),
      timeZone: siteConfig.timeZone,
      siteOrigin: siteConfig.baseUrl,
      mode: checkOnly ? "check" : "build",
      skipInvalid,
      searchIndex: { maxArticles: siteConfig.searchMaxArticles },
    },
    {
      loaded({ warnings, drafts }) {
        if (warnings.length === 0) return;
        // `npm run check` lists every one; a build of a big archive shows the first few and says where the rest are.
        const shownWarnings = checkOnly ? warnings : warnings.slice(0, BUILD_WARNINGS_SHOWN);
        const rest = warnings.length - shownWarnings.length;
        console.warn(`! ${plural(warnings.length, "warning")}:\n${formatWarnings(shownWarnings)}${rest > 0 ? `\n  … and ${rest} more: \`npm run check\` lists them all` : ""}`);
        if (drafts.length > 0) console.log(`· ${plural(drafts.length, "draft")} left out (published: false or draft: true)`);
      },
      skipping({ problems, invalidCount, fileCount }) {
        console.warn(`! Skipped ${plural(invalidCount, "file")} of ${fileCount} in ${shown} because of these problems:\n${formatProblems(problems)}`);
      },
    },
  );
  return report(result, shown, started);
}

/** Prints how the step ended; the exit code. */
function report(result: ContentBuildResult, shown: string, started: number): number {
  switch (result.outcome) {
    case "folder-problem":
      console.error(`✗ ${result.problems.map((problem) => problem.message).join("\n✗ ")}`);
      return 1;
    case "invalid-files": {
      const header = `${plural(result.invalidCount, "file")} of ${result.fileCount} in ${shown} ${result.invalidCount === 1 ? "has" : "have"} problems:`;
      console.error(`✗ ${header}\n${formatProblems(result.problems)}`);
      if (!checkOnly) console.error("\nBuild stopped. Fix the files above, or build without them: SKIP_INVALID=1 npm run build");
      return 1;
    }
    case "checked":
      console.log(`✓ ${plural(result.fileCount, "file")} in ${shown} are valid (${plural(result.publishable, "article")} to publish)`);
      return 0;
    case "nothing-to-publish":
      console.error(`✗ no valid articles to publish in ${shown}`);
      return 1;
    case "built": {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`✓ content: ${plural(result.articles, "article")} from ${shown} (${result.cacheHits}/${result.fileCount} from cache) in ${seconds} s`);
      if (result.search?.skipped) console.warn(`! no search index (the search page says so): ${result.search.skipped}`);
      else if (result.search) {
        const { terms, bytes, seconds: searchSeconds } = result.search;
        console.log(`  search index: ${plural(terms, "term")}, ${(bytes / 1024 / 1024).toFixed(1)} MB, built in ${searchSeconds.toFixed(1)} s`);
      }
      return 0;
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`✗ content build failed: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  },
);
