/**
 * `npm run check` and the first half of `npm run build`/`npm run dev`: validates
 * every post under the content folder and, unless checking only, writes the
 * store that pages read. Content problems are listed all at once, by file,
 * never as a stack trace.
 */
import path from "node:path";
import { buildSiteIndex } from "../lib/content/build-site-index";
import { invalidFiles, loadContent } from "../lib/content/load-content";
import { assertTimeZone } from "../lib/content/parse-date";
import { resolveCacheDir, resolveContentDir, resolveStoreDir } from "../lib/content/paths";
import { formatProblems, formatWarnings } from "../lib/content/report";
import { writeStore } from "../lib/content/write-store";
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

async function main(): Promise<number> {
  const started = performance.now();
  const contentDir = resolveContentDir();
  const settingProblems = [...siteConfigProblems];
  try {
    assertTimeZone(siteConfig.timeZone);
  } catch (error) {
    settingProblems.push(error instanceof Error ? error.message : String(error));
  }
  if (settingProblems.length > 0) {
    console.error(`✗ ${plural(settingProblems.length, "setting")} cannot be read (see README, “Configuration”):\n  ${settingProblems.join("\n  ")}`);
    return 1;
  }
  const shown = displayPath(contentDir);
  const loaded = await loadContent({
    contentDir,
    cacheDir: resolveCacheDir(),
    timeZone: siteConfig.timeZone,
    siteOrigin: siteConfig.baseUrl,
  });

  if (loaded.warnings.length > 0) console.warn(`! ${plural(loaded.warnings.length, "warning")}:\n${formatWarnings(loaded.warnings)}`);
  if (loaded.drafts.length > 0) console.log(`· ${plural(loaded.drafts.length, "draft")} left out (published: false or draft: true)`);

  const folderProblems = loaded.problems.filter((problem) => problem.kind === "content-dir");
  if (folderProblems.length > 0) {
    console.error(`✗ ${folderProblems.map((problem) => problem.message).join("\n✗ ")}`);
    return 1;
  }
  const invalid = invalidFiles(loaded.problems);
  if (invalid.size > 0) {
    if (checkOnly || !skipInvalid) {
      const header = `${plural(invalid.size, "file")} of ${loaded.fileCount} in ${shown} ${invalid.size === 1 ? "has" : "have"} problems:`;
      console.error(`✗ ${header}\n${formatProblems(loaded.problems)}`);
      if (!checkOnly) console.error("\nBuild stopped. Fix the files above, or build without them: SKIP_INVALID=1 npm run build");
      return 1;
    }
    console.warn(`! Skipped ${plural(invalid.size, "file")} of ${loaded.fileCount} in ${shown} because of these problems:\n${formatProblems(loaded.problems)}`);
  }

  const publishable = loaded.articles.filter((article) => !invalid.has(article.meta.sourcePath));
  if (checkOnly) {
    console.log(`✓ ${plural(loaded.fileCount, "file")} in ${shown} are valid (${plural(publishable.length, "article")} to publish)`);
    return 0;
  }
  if (publishable.length === 0) {
    console.error(`✗ no valid articles to publish in ${shown}`);
    return 1;
  }
  const site = buildSiteIndex(publishable, new Date());
  await writeStore(resolveStoreDir(), site);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `✓ content: ${plural(publishable.length, "article")} from ${shown} ` +
      `(${loaded.cacheHits}/${loaded.fileCount} from cache) in ${seconds} s`,
  );
  return 0;
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
