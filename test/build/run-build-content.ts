/**
 * Runs the first step of `npm run build` (scripts/build-content.ts under tsx)
 * as a child process, the way the owner runs it, against a throw-away site.
 * Free of test-framework imports so a Playwright build can use it too.
 */
import { spawn, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PROJECT_DIR = path.resolve(__dirname, "../..");
const TSX = path.join(PROJECT_DIR, "node_modules/.bin/tsx");
const BUILD_SCRIPT = "scripts/build-content.ts";

/** A content folder with its own store and cache, in one temp folder. */
export interface TestSite {
  root: string;
  contentDir: string;
  storeDir: string;
  cacheDir: string;
}

export interface BuildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A user that file permissions apply to. */
export interface UnprivilegedUser {
  /** Prefix that runs a program as this user; empty when that is the current user. */
  command: string[];
  /** Owner to give a test site to; null when the current user is already unprivileged. */
  ids: { uid: number; gid: number } | null;
}

export async function createTestSite(prefix: string): Promise<TestSite> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `yuedu-${prefix}-`));
  // mkdtemp makes the folder private; an unprivileged build must be able to enter it.
  await fs.chmod(root, 0o755);
  const contentDir = path.join(root, "content");
  await fs.mkdir(contentDir);
  return { root, contentDir, storeDir: path.join(root, "store"), cacheDir: path.join(root, "cache") };
}

export interface BuildOptions {
  args?: string[];
  skipInvalid?: boolean;
  /** Run as this user instead of the current one. */
  user?: UnprivilegedUser | null;
  /** Overrides the site's content folder (a folder that does not exist, say). */
  contentDir?: string;
  /** Site settings (SITE_URL, SITE_PAGE_SIZE, …) for this run. */
  settings?: Record<string, string>;
}

/**
 * Runs build-content with only the variables the site needs, so settings of the
 * machine running the tests (SITE_TIME_ZONE, NODE_OPTIONS, …) cannot change its output.
 */
export function runBuildContent(site: TestSite, options: BuildOptions = {}): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = {
    // As on a deploy's build server; vitest's own "test" must not leak in.
    NODE_ENV: "production",
    PATH: process.env.PATH,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    CONTENT_DIR: options.contentDir ?? site.contentDir,
    YUEDU_STORE_DIR: site.storeDir,
    YUEDU_CACHE_DIR: site.cacheDir,
    ...(options.skipInvalid ? { SKIP_INVALID: "1" } : {}),
    ...options.settings,
  };
  const { program, args } = commandLine(options.user?.command ?? [], TSX, [BUILD_SCRIPT, ...(options.args ?? [])]);
  const child = spawn(program, args, { cwd: PROJECT_DIR, env });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `program args`, behind `prefix` (say `setpriv … --`) when there is one. */
function commandLine(prefix: string[], program: string, args: string[]): { program: string; args: string[] } {
  const [first, ...rest] = prefix;
  return first === undefined ? { program, args } : { program: first, args: [...rest, program, ...args] };
}

let probed: { user: UnprivilegedUser | null; reason: string } | null = null;

/**
 * Who the build must run as for file permissions to count. Root reads mode-000
 * files, so as root this drops to `nobody` with setpriv or runuser (util-linux);
 * `user` is null, with the reason, when neither can run the build.
 */
export function unprivilegedUser(): { user: UnprivilegedUser | null; reason: string } {
  probed ??= probeUnprivilegedUser();
  return probed;
}

function probeUnprivilegedUser(): { user: UnprivilegedUser | null; reason: string } {
  if (process.getuid?.() !== 0) return { user: { command: [], ids: null }, reason: "not root" };
  const candidates = [
    ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"],
    ["runuser", "-u", "nobody", "--"],
  ];
  for (const command of candidates) {
    // The build reads the project as that user, so check it can, and learn its ids.
    const { program, args } = commandLine(command, "sh", ["-c", 'test -r "$1" && test -x "$2" && id -u && id -g', "sh", BUILD_SCRIPT, TSX]);
    const probe = spawnSync(program, args, { cwd: PROJECT_DIR, encoding: "utf8" });
    const [uid, gid] = (probe.stdout ?? "").trim().split("\n").map(Number);
    if (probe.status === 0 && uid !== undefined && gid !== undefined && uid !== 0 && Number.isInteger(uid) && Number.isInteger(gid)) {
      return { user: { command, ids: { uid, gid } }, reason: `running as uid ${uid} via ${program}` };
    }
  }
  return { user: null, reason: "running as root, and neither setpriv nor runuser can run the build as nobody (or nobody cannot read the project)" };
}

/** Hands a folder tree to `user`, so a build running as that user can read it and write its store and cache. */
export async function giveTo(dir: string, user: UnprivilegedUser): Promise<void> {
  const { ids } = user;
  if (!ids) return;
  await fs.chown(dir, ids.uid, ids.gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await giveTo(full, user);
    else await fs.lchown(full, ids.uid, ids.gid);
  }
}

/** Removes a test site, even one holding mode-000 files or folders. */
export async function removeTestSite(site: TestSite): Promise<void> {
  await makeRemovable(site.root);
  await fs.rm(site.root, { recursive: true, force: true });
}

async function makeRemovable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755).catch(() => undefined);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await makeRemovable(path.join(dir, entry.name));
  }
}
