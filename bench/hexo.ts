/**
 * The Hexo peer of the build bench: the system these posts come from, built from the same generated posts in
 * the same run (absolute times on these machines move 2–3× from day to day; ratios from one run hold). The site
 * is `bench/hexo/` (Hexo 8 and the landscape theme at pinned versions), installed there on demand the first
 * time the bench needs it — never a dependency of yuedu itself.
 */
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

export const HEXO_DIR = path.join(__dirname, "hexo");
const HEXO_BIN = path.join(HEXO_DIR, "node_modules", ".bin", "hexo");

/** Installs bench/hexo's packages when they are missing (one `npm install`, about a minute, once per machine). */
export function ensureHexoInstalled(log: (line: string) => void): void {
  if (existsSync(HEXO_BIN)) return;
  log(`installing Hexo for the bench into ${path.relative(process.cwd(), HEXO_DIR)}/node_modules (once) …`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], { cwd: HEXO_DIR, stdio: ["ignore", "ignore", "inherit"] });
  if (!existsSync(HEXO_BIN)) throw new Error(`npm install in ${HEXO_DIR} did not install hexo`);
}

/**
 * A Hexo site in `siteDir` whose `source/_posts` holds a copy of the generated posts, sharing bench/hexo's
 * installed packages. Replaces whatever `siteDir` held.
 */
export async function prepareHexoSite(siteDir: string, contentDir: string): Promise<void> {
  await fs.rm(siteDir, { recursive: true, force: true });
  await fs.mkdir(path.join(siteDir, "source"), { recursive: true });
  for (const file of ["_config.yml", "package.json"]) await fs.copyFile(path.join(HEXO_DIR, file), path.join(siteDir, file));
  await fs.symlink(path.join(HEXO_DIR, "node_modules"), path.join(siteDir, "node_modules"), "dir");
  await fs.cp(contentDir, path.join(siteDir, "source", "_posts"), { recursive: true });
}

/** The command that builds the site: `hexo generate`, as a Hexo owner runs it. */
export function hexoGenerateCommand(siteDir: string): string {
  return `${JSON.stringify(HEXO_BIN)} generate --cwd ${JSON.stringify(siteDir)}`;
}
