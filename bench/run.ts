/**
 * `npm run bench`, two parts (BENCH_ONLY=build or BENCH_ONLY=load runs one):
 *
 * - build: builds the site from N generated posts (default 1000 and 5000;
 *   `BENCH_SIZES=5000,20000,100000` to choose), cold (nothing from an earlier build) and
 *   warm (a redeploy after one post changed: fresh output with the previous build's
 *   `.next/cache` restored, as Vercel does), and measures wall time, ms per article and
 *   the peak memory of the whole build process tree. Beside each, Hexo builds the same
 *   posts (bench/hexo.ts; BENCH_HEXO=0 skips it, BENCH_HEXO_MAX caps its sizes at 20,000),
 *   cold and after the same change. After the 1000-article build (or the smallest N) it
 *   serves the site on 127.0.0.1 and weighs one article page and its JavaScript. After
 *   the cold build of the largest N it builds the issue's naive baseline of the same
 *   posts (bench/baseline.ts; BENCH_BASELINE=0 skips it), and serves that build: first
 *   requests of articles not prebuilt (BENCH_SERVE_FIRST, 300), then random ones
 *   (BENCH_SERVE_RANDOM, 10,000), and the server's memory (bench/serve.ts).
 * - load: builds content/ (plus ../shared/seed when present), serves it with
 *   `next start` on 127.0.0.1 and runs autocannon against an article, the home
 *   page, a category and a 404: three rounds in which each target gets
 *   BENCH_LOAD_SECONDS (30) of BENCH_LOAD_CONNECTIONS (64) connections, while
 *   the server's memory is watched. Any 5xx or unexpected status fails the bench.
 *
 * Prints tables and writes bench-results/bench-<ISO date>.json.
 *
 * After each cold build, search costs (bench/search.ts): the index rebuilt aside (time, peak memory, size) and
 * BENCH_SEARCH_READERS (20) readers searching in Chromium (bytes and time of a first and a second search);
 * BENCH_SEARCH=0 skips them.
 *
 * Other knobs: BENCH_PORT (3471), BENCH_TIMEOUT_S per build (1800),
 * BENCH_KEEP=1 keeps the build folders (.next-bench-N, .yuedu/bench-N,
 * .next-bench-load, .yuedu/bench-load, .next-bench-baseline), BENCH_VERBOSE=1 streams the build output.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, promises as fs, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BASELINE_APP_DIR, writeBaselineApp } from "./baseline";
import { changeOnePost, generateContent, loadBodySources, prepareSampleContent, type BodySource, type GeneratedContent } from "./content";
import { ProjectFileGuard } from "./guard";
import { ensureHexoInstalled, hexoGenerateCommand, prepareHexoSite } from "./hexo";
import { LOAD_ROUNDS, runLoadTest, type LoadReport } from "./load";
import { measurePage, type PageReport } from "./page";
import { killAllGroupsNow, runMeasured, watchForeignBuilds, type MeasuredRun } from "./proc";
import { budgetLines, printLoad, printPage, printPeers, printRuns, printSearch, printServe, type BaselineResult, type Budget, type PeerResult, type RunResult, type SizedSearchReport } from "./report";
import { measureSearch } from "./search";
import { measureServing, type ServeReport } from "./serve";
import { siteConfig } from "../site.config";

const root = path.resolve(__dirname, "..");
const sharedDir = path.resolve(root, "..", "shared");
const port = positiveInt(process.env.BENCH_PORT, 3471);
const timeoutMs = positiveInt(process.env.BENCH_TIMEOUT_S, 1800) * 1000;
const keep = /^(1|true|yes)$/i.test(process.env.BENCH_KEEP ?? "");
const verbose = /^(1|true|yes)$/i.test(process.env.BENCH_VERBOSE ?? "");
const loadSeconds = positiveInt(process.env.BENCH_LOAD_SECONDS, 30);
const loadConnections = positiveInt(process.env.BENCH_LOAD_CONNECTIONS, 64);
const buildBaseline = !/^(0|false|no)$/i.test(process.env.BENCH_BASELINE ?? "");
const buildHexo = !/^(0|false|no)$/i.test(process.env.BENCH_HEXO ?? "");
/** Hexo at 100,000 posts runs for a long time and (reportedly) out of memory; `BENCH_HEXO_MAX` raises the cap. */
const HEXO_MAX_SIZE = positiveInt(process.env.BENCH_HEXO_MAX, 20_000);
const SERVE_FIRST_REQUESTS = positiveInt(process.env.BENCH_SERVE_FIRST, 300);
const SERVE_RANDOM_REQUESTS = positiveInt(process.env.BENCH_SERVE_RANDOM, 10_000);
const SERVE_CONCURRENCY = 8;
const CONTENT_LINE = /✓ content: .* in ([\d.]+) s/;
const benchSearchEnabled = !/^(0|false|no)$/i.test(process.env.BENCH_SEARCH ?? "");
/** How many readers search each bench site, each in a fresh browser context. */
const SEARCH_READERS = positiveInt(process.env.BENCH_SEARCH_READERS, 20);
const MAX_SIZE = 100_000;

const tempDirs = new Set<string>();
/** `.next-bench-N` and `.yuedu/bench-N` of sizes not finished yet; removed on any exit unless BENCH_KEEP=1. */
const buildDirs = new Set<string>();
const guard = new ProjectFileGuard(root);

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

function parseSizes(value: string | undefined): number[] {
  if (value === undefined || value.trim() === "") return [1000, 5000];
  const sizes = value.split(",").map((part) => part.trim()).filter((part) => part !== "").map(Number);
  const bad = sizes.filter((size) => !Number.isInteger(size) || size < 1 || size > MAX_SIZE);
  if (sizes.length === 0 || bad.length > 0) throw new Error(`BENCH_SIZES must be whole numbers from 1 to ${MAX_SIZE}, separated by commas (got “${value}”)`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

type Part = "build" | "load";

/** Which parts BENCH_ONLY selects; both when it is unset. */
function parseOnly(value: string | undefined): Part[] {
  const wanted = value?.trim().toLowerCase() ?? "";
  if (wanted === "") return ["build", "load"];
  if (wanted === "build" || wanted === "load") return [wanted];
  throw new Error(`BENCH_ONLY must be “build” or “load” (got “${value}”)`);
}

interface BenchPaths {
  distDir: string;
  /** Where a warm build's previous output is moved to (see `prepareRedeploy`). */
  previousDistDir: string;
  storeDir: string;
  benchDir: string;
}

/** Build folders of one bench site: N generated articles, or `load` for the load test's site. */
function benchPaths(name: number | "load"): BenchPaths {
  return {
    distDir: `.next-bench-${name}`,
    previousDistDir: `.next-bench-${name}-previous`,
    storeDir: `.yuedu/bench-${name}/store`,
    benchDir: `.yuedu/bench-${name}`,
  };
}

function removeSync(dir: string): void {
  rmSync(path.resolve(root, dir), { recursive: true, force: true });
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

interface SiteBuild {
  run: MeasuredRun;
  /** Other build processes seen on the machine meanwhile. */
  foreign: number[];
  loadAverage: number;
  /** Seconds the search index took, from the content step's output (null when it printed none). */
  searchIndexS: number | null;
}

/**
 * A redeploy as Vercel runs one: a fresh checkout (no build output, no content store) with the build cache
 * folder `<distDir>/cache` restored — Turbopack's cache, TypeScript's build info and our sanitized bodies
 * (`cache/yuedu`). The previous output is renamed aside, not removed: see `benchBuilds` on removals.
 */
function prepareRedeploy(paths: BenchPaths): void {
  const distDir = path.resolve(root, paths.distDir);
  const previousDistDir = path.resolve(root, paths.previousDistDir);
  const storeDir = path.resolve(root, paths.storeDir);
  removeSync(paths.previousDistDir);
  removeSync(`${paths.storeDir}-previous`);
  renameSync(distDir, previousDistDir);
  mkdirSync(distDir);
  renameSync(path.join(previousDistDir, "cache"), path.join(distDir, "cache"));
  if (existsSync(storeDir)) renameSync(storeDir, `${storeDir}-previous`);
}

/**
 * `npm run build` (`build-content.ts && next build`) of `contentDir` into `paths`; throws with the output's last lines when it
 * fails. Cold: nothing from an earlier build. Warm: a redeploy (`prepareRedeploy`).
 */
async function buildSite(label: string, contentDir: string, paths: BenchPaths, mode: "cold" | "warm"): Promise<SiteBuild> {
  if (mode === "cold") {
    removeSync(paths.distDir);
    removeSync(paths.benchDir);
  } else {
    prepareRedeploy(paths);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: paths.distDir,
    YUEDU_STORE_DIR: paths.storeDir,
    // The default, `<distDir>/cache/yuedu`: the cache folder a redeploy restores.
    YUEDU_CACHE_DIR: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // What owners run. (Two `npx` lookups instead cost about 0.45 s more.)
  return measuredBuild(label, "npm run --silent build", env, CONTENT_LINE);
}

/** `search index: … built in X s`, printed by the content step after its own line. */
const SEARCH_LINE = /search index: .* built in ([\d.]+) s/;

/**
 * Runs one build command, noting other builds on the same cores meanwhile (the e2e prepare step, a dev's
 * `npm run build`: they skew timings); throws with the output's last lines when it fails.
 */
async function measuredBuild(label: string, command: string, env: NodeJS.ProcessEnv, markLine: RegExp): Promise<SiteBuild> {
  const watch = watchForeignBuilds();
  const loadAverage = round(os.loadavg()[0] ?? 0, 2);
  process.stdout.write(`  ${label} … `);
  let run: MeasuredRun;
  let foreign: number[];
  let searchIndexS: number | null = null;
  try {
    run = await runMeasured({
      command,
      env,
      cwd: root,
      timeoutMs,
      markLine,
      onLine: (line) => {
        const search = SEARCH_LINE.exec(line);
        if (search?.[1] !== undefined) searchIndexS = Number(search[1]);
        if (verbose) console.log(`    │ ${line}`);
      },
    });
  } finally {
    foreign = watch.stop();
    for (const note of guard.restore()) console.warn(`  ! ${note}`);
  }
  if (run.exitCode !== 0 || run.timedOut) {
    console.log("FAILED");
    const reason = run.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit code ${run.exitCode ?? `signal ${run.signal ?? "?"}`}`;
    const hint = keep ? "" : "\n(Run with BENCH_KEEP=1 to keep the build folders for a look.)";
    throw new Error(`${label} failed (${reason}). Last lines of its output:\n${run.output.slice(-60).join("\n")}${hint}`);
  }
  return { run, foreign, loadAverage, searchIndexS };
}

function warnAboutForeign(foreign: number[]): void {
  if (foreign.length > 0) console.warn(`  ! ${foreign.length} other build process(es) ran on this machine meanwhile (pids ${foreign.join(", ")}): this run's timings are pessimistic`);
}

async function build(content: GeneratedContent, mode: "cold" | "warm"): Promise<RunResult> {
  const n = content.count;
  const { run, foreign, loadAverage, searchIndexS } = await buildSite(`${mode} build of ${n} articles`, content.dir, benchPaths(n), mode);
  const contentMatch = CONTENT_LINE.exec(run.markText ?? "");
  const cacheMatch = /\((\d+)\/(\d+) from cache\)/.exec(run.markText ?? "");
  const result: RunResult = {
    n,
    mode,
    wallS: round(run.wallMs / 1000, 2),
    msPerArticle: round(run.wallMs / n, 2),
    peakRssMb: run.peakRssMb,
    contentStepS: contentMatch?.[1] !== undefined ? Number(contentMatch[1]) : null,
    contentPhaseS: run.markMs === null ? null : round(run.markMs / 1000, 2),
    nextPhaseS: run.markMs === null ? null : round((run.wallMs - run.markMs) / 1000, 2),
    peakRssContentMb: run.peakRssBeforeMarkMb,
    peakRssNextMb: run.peakRssAfterMarkMb,
    cacheHits: cacheMatch ? `${cacheMatch[1]}/${cacheMatch[2]}` : null,
    cpuS: run.cpuS,
    otherCpuS: run.otherCpuS,
    peakProcesses: run.peakProcesses,
    memorySamples: run.samples,
    otherBuildsRunning: foreign.length,
    loadAverageAtStart: loadAverage,
    searchIndexS,
  };
  console.log(`${result.wallS} s, peak ${result.peakRssMb} MB`);
  warnAboutForeign(foreign);
  return result;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The bench's findings so far: a failing step keeps what the earlier ones measured. */
interface Results {
  runs: RunResult[];
  baseline: BaselineResult | null;
  /** Hexo's `hexo generate` of the same posts, cold and warm, measured right after ours. */
  hexo: PeerResult[];
  page: PageReport | null;
  serve: ServeReport | null;
  load: LoadResult | null;
  /** Search costs on the cold build of each size (BENCH_SEARCH=0 skips them). */
  search: SizedSearchReport[];
}

interface LoadResult extends LoadReport {
  /** The cold build of the load test's site (content/ plus the seed). */
  siteBuild: { wallS: number; peakRssMb: number; otherBuildsRunning: number };
}

/** Registers a site's temp content and build folders for cleanup on any exit. */
function holdSite(contentDir: string, paths: BenchPaths): void {
  tempDirs.add(contentDir);
  buildDirs.add(paths.distDir);
  buildDirs.add(paths.previousDistDir);
  buildDirs.add(paths.benchDir);
}

/** Removes a finished site's content, and its build folders unless BENCH_KEEP=1. */
async function releaseSite(contentDir: string, paths: BenchPaths): Promise<void> {
  await fs.rm(contentDir, { recursive: true, force: true });
  tempDirs.delete(contentDir);
  if (!keep) {
    removeSync(paths.distDir);
    removeSync(paths.previousDistDir);
    removeSync(paths.benchDir);
  }
  buildDirs.delete(paths.distDir);
  buildDirs.delete(paths.previousDistDir);
  buildDirs.delete(paths.benchDir);
}

/**
 * Every size cold and warm; the page weight after the `weighedSize` build. Finished sites are removed only after
 * the last build: on ext4 without a journal (this machine's disk) the inode allocator skips inodes freed in the
 * last ~30 s one by one, so a next build of 1,000 articles right after a large removal spent 18 s of system time
 * instead of 7 s (perf: find_inode_bit / recently_deleted). A fresh machine or a journaled disk has nothing to skip.
 */
async function benchBuilds(sizes: number[], weighedSize: number, bodies: { sources: BodySource[]; skipped: string[] }, results: Results): Promise<void> {
  const finished: { dir: string; paths: BenchPaths }[] = [];
  for (const n of sizes) {
    const dir = path.join(os.tmpdir(), `yuedu-bench-${n}`);
    const paths = benchPaths(n);
    holdSite(dir, paths);
    const generated = Date.now();
    const content = await generateContent(dir, n, bodies.sources, bodies.skipped);
    console.log(`\nN = ${n}: wrote ${n} posts to ${dir} in ${((Date.now() - generated) / 1000).toFixed(1)} s`);
    const hexoSite = path.join(os.tmpdir(), `yuedu-bench-hexo-${n}`);
    tempDirs.add(hexoSite);
    results.runs.push(await build(content, "cold"));
    if (benchSearchEnabled) {
      process.stdout.write(`  search: the index rebuilt aside, then ${SEARCH_READERS} readers searching in Chromium … `);
      const report = await measureSearch({
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: paths.distDir, YUEDU_STORE_DIR: paths.storeDir, NEXT_TELEMETRY_DISABLED: "1" },
        port,
        storeDir: path.resolve(root, paths.storeDir),
        timeoutMs,
        readers: SEARCH_READERS,
      });
      results.search.push({ n, report });
      console.log(`index ${report.index.seconds} s, ${report.index.peakRssMb} MB; first search ${report.summary.firstMsP95} ms p95`);
    }
    if (buildHexo && n <= HEXO_MAX_SIZE) results.hexo.push(await buildHexoPeer(content, hexoSite, "cold"));
    if (buildBaseline && n === sizes[sizes.length - 1]) results.baseline = await buildNaiveBaseline(content);
    // A redeploy after one post changed: the feed-fed archive's usual build.
    await changeOnePost(content.dir);
    results.runs.push(await build(content, "warm"));
    if (buildHexo && n <= HEXO_MAX_SIZE) {
      await changeOnePost(path.join(hexoSite, "source", "_posts"));
      results.hexo.push(await buildHexoPeer(content, hexoSite, "warm"));
    }
    if (n === sizes[sizes.length - 1]) {
      process.stdout.write(`  serving the ${n}-article build: first requests of ${SERVE_FIRST_REQUESTS} articles not prebuilt, then ${SERVE_RANDOM_REQUESTS} random ones … `);
      results.serve = await measureServing({
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: paths.distDir, YUEDU_STORE_DIR: paths.storeDir, NEXT_TELEMETRY_DISABLED: "1" },
        port,
        storeDir: path.resolve(root, paths.storeDir),
        prebuiltArticles: siteConfig.prebuildArticles ?? n,
        firstCount: SERVE_FIRST_REQUESTS,
        randomCount: SERVE_RANDOM_REQUESTS,
        concurrency: SERVE_CONCURRENCY,
      });
      console.log(`p50 ${results.serve.firstRequests.p50Ms} ms, p99 ${results.serve.firstRequests.p99Ms} ms, ${results.serve.rssAfterRandomMb.toFixed(0)} MB after`);
    }
    if (n === weighedSize) {
      process.stdout.write(`  serving on 127.0.0.1:${port} and weighing the seed-like article … `);
      results.page = await measurePage({
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: paths.distDir, YUEDU_STORE_DIR: paths.storeDir, NEXT_TELEMETRY_DISABLED: "1" },
        port,
        storeDir: path.resolve(root, paths.storeDir),
        seedTitle: content.seedTitle,
      });
      console.log("done");
    }
    finished.push({ dir, paths });
  }
  for (const site of finished) await releaseSite(site.dir, site.paths);
}

/**
 * Hexo's build of the same posts (bench/hexo.ts), right after ours: `cold` in a fresh site (no db.json, no
 * public/), `warm` in the same site again after one post changed, as a Hexo owner's next `hexo generate`.
 */
async function buildHexoPeer(content: GeneratedContent, siteDir: string, mode: "cold" | "warm"): Promise<PeerResult> {
  if (mode === "cold") {
    ensureHexoInstalled((line) => console.log(`  ${line}`));
    await prepareHexoSite(siteDir, content.dir);
  }
  const label = `hexo generate, ${mode}, ${content.count} posts`;
  const { run, foreign } = await measuredBuild(label, hexoGenerateCommand(siteDir), { ...process.env }, /INFO\s+Start processing/);
  const result: PeerResult = { tool: "hexo", n: content.count, mode, wallS: round(run.wallMs / 1000, 2), peakRssMb: run.peakRssMb, cpuS: run.cpuS };
  console.log(`${result.wallS} s, peak ${result.peakRssMb} MB`);
  warnAboutForeign(foreign);
  return result;
}

/**
 * The issue's naive build (bench/baseline.ts) of the same posts, right after our cold build of them, so
 * both meet the disk in about the same state. Its folder is removed with the other sites, after the last build.
 */
async function buildNaiveBaseline(content: GeneratedContent): Promise<BaselineResult> {
  const appDir = path.resolve(root, BASELINE_APP_DIR);
  buildDirs.add(BASELINE_APP_DIR);
  await writeBaselineApp(appDir);
  const { run, foreign } = await measuredBuild(
    `naive baseline build of ${content.count} articles`,
    `node_modules/.bin/next build ${BASELINE_APP_DIR}`,
    { ...process.env, BASELINE_CONTENT_DIR: content.dir, NEXT_TELEMETRY_DISABLED: "1" },
    /Generating static pages/,
  );
  const result = { n: content.count, wallS: round(run.wallMs / 1000, 2), peakRssMb: run.peakRssMb, cpuS: run.cpuS };
  console.log(`${result.wallS} s, peak ${result.peakRssMb} MB`);
  warnAboutForeign(foreign);
  return result;
}

/** Builds content/ plus the seed, then runs the load test against it with `next start`. */
async function benchLoad(): Promise<LoadResult> {
  const dir = path.join(os.tmpdir(), "yuedu-bench-load");
  const paths = benchPaths("load");
  holdSite(dir, paths);
  const content = await prepareSampleContent(dir, path.join(root, "content"), sharedDir);
  console.log(`\nLoad test: content/${content.seedTitle === null ? " only (no usable ../shared/seed)" : " + ../shared/seed"} copied to ${dir}`);
  const { run, foreign } = await buildSite("cold build of the load-test site", content.dir, paths, "cold");
  console.log(`${round(run.wallMs / 1000, 2)} s, peak ${run.peakRssMb} MB`);
  warnAboutForeign(foreign);
  console.log(`  serving on 127.0.0.1:${port}: ${LOAD_ROUNDS} rounds, ${loadSeconds} s × ${loadConnections} connections per target`);
  const report = await runLoadTest({
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: paths.distDir, YUEDU_STORE_DIR: paths.storeDir, NEXT_TELEMETRY_DISABLED: "1" },
    port,
    storeDir: path.resolve(root, paths.storeDir),
    seedTitle: content.seedTitle,
    seconds: loadSeconds,
    connections: loadConnections,
  });
  await releaseSite(dir, paths);
  return { ...report, siteBuild: { wallS: round(run.wallMs / 1000, 2), peakRssMb: run.peakRssMb, otherBuildsRunning: foreign.length } };
}

function describeParts(parts: Part[], sizes: number[]): string {
  const described: string[] = [];
  if (parts.includes("build")) described.push(`builds of ${sizes.join(", ")} articles`);
  if (parts.includes("load")) described.push(`load test ${LOAD_ROUNDS} rounds × ${loadSeconds} s × ${loadConnections} connections`);
  return described.join("; ");
}

function printBudgets(budgets: Budget[]): void {
  console.log(`\nBudgets (from the issue; reported, not enforced)\n${budgets.map((b) => `  ${b.verdict.padEnd(5)} ${b.name}: ${b.detail}`).join("\n")}`);
}

async function main(): Promise<number> {
  const parts = parseOnly(process.env.BENCH_ONLY);
  const buildPart = parts.includes("build");
  const sizes = buildPart ? parseSizes(process.env.BENCH_SIZES) : [];
  // The article page is weighed on the 1000-article site (or the smallest one built).
  const weighedSize = sizes.includes(1000) ? 1000 : (sizes[0] ?? 1000);
  const startedAt = new Date();
  console.log(`yuedu bench — ${describeParts(parts, sizes)}; ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 20)} MB RAM, Node ${process.version}`);
  const bodies = buildPart ? await loadBodySources(sharedDir) : { sources: [], skipped: [] };
  if (buildPart) {
    console.log(
      existsSync(sharedDir)
        ? `bodies: ${bodies.sources.length} real posts from ${sharedDir}${bodies.skipped.length > 0 ? ` (skipped, front matter unreadable: ${bodies.skipped.join(", ")})` : ""}`
        : "bodies: synthetic seed-like body (../shared not found)",
    );
  }

  const results: Results = { runs: [], baseline: null, hexo: [], page: null, serve: null, load: null, search: [] };
  let error: string | null = null;
  try {
    if (buildPart) await benchBuilds(sizes, weighedSize, bodies, results);
    if (parts.includes("load")) results.load = await benchLoad();
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }

  const { runs, baseline, hexo, page, serve, load, search } = results;
  if (runs.length > 0) printRuns(runs);
  if (baseline) console.log(`  naive build of the same ${baseline.n} posts (bench/baseline.ts): ${baseline.wallS} s, peak ${baseline.peakRssMb} MB, ${baseline.cpuS} cpu s`);
  if (hexo.length > 0) printPeers(runs, hexo);
  if (page) printPage(page);
  if (serve) printServe(serve);
  printSearch(search);
  const budgets = buildPart ? budgetLines(runs, hexo, page, baseline, serve, search) : [];
  if (buildPart) printBudgets(budgets);
  if (load) printLoad(load);

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, totalMemMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${os.platform()} ${os.release()}` },
    git: { commit: git(["rev-parse", "HEAD"]), dirty: (git(["status", "--porcelain"]) ?? "") !== "" },
    settings: {
      parts,
      sizes,
      weighedSize: buildPart ? weighedSize : null,
      port,
      bodies: bodies.sources.map((source) => source.origin),
      skipped: bodies.skipped,
      prebuildLimit: process.env.YUEDU_PREBUILD_LIMIT ?? null,
      prebuildListPages: process.env.YUEDU_PREBUILD_LIST_PAGES ?? null,
      load: { rounds: LOAD_ROUNDS, secondsPerTarget: loadSeconds, connections: loadConnections },
    },
    memoryMethod: "sum of VmRSS from /proc/<pid>/status over the spawned process (bash for builds, next start for the load test) and all its descendants, sampled every 100 ms",
    runs,
    baseline,
    hexo,
    page,
    serve,
    search,
    budgets,
    load,
    error,
  };
  const outDir = path.join(root, "bench-results");
  await fs.mkdir(outDir, { recursive: true });
  const outFile = path.join(outDir, `bench-${startedAt.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`);
  await fs.writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults: ${path.relative(root, outFile)}`);
  if (error !== null) {
    console.error(`\n✗ bench failed: ${error}`);
    return 1;
  }
  if (serve && serve.failures.length > 0) {
    console.error(`\n✗ bench failed: serving saw ${serve.failures.length} failure(s): ${serve.failures.slice(0, 5).join("; ")}`);
    return 1;
  }
  if (load && load.failures.length > 0) {
    console.error(`\n✗ bench failed: the load test saw ${load.failures.length} failure(s) (see “Status check” above)`);
    return 1;
  }
  return 0;
}

function reportCleanupFailure(what: string, caught: unknown): void {
  console.error(`! cleanup: could not ${what}: ${caught instanceof Error ? caught.message : String(caught)}`);
}

/** One failing cleanup step does not skip the others. */
function attempt(what: string, step: () => void): void {
  try {
    step();
  } catch (caught) {
    reportCleanupFailure(what, caught);
  }
}

/** Folders left to delete (temp content, and build folders unless BENCH_KEEP=1), handed out once. */
function takeLeftoverDirs(): string[] {
  const dirs = [...tempDirs, ...(keep ? [] : [...buildDirs].map((dir) => path.resolve(root, dir)))];
  tempDirs.clear();
  buildDirs.clear();
  return dirs;
}

/** Idempotent and synchronous, so it also works from the exit handler. */
function cleanupSync(): void {
  attempt("stop child processes", killAllGroupsNow);
  for (const dir of takeLeftoverDirs()) attempt(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  attempt("restore tsconfig.json / next-env.d.ts", () => guard.restore());
}

/**
 * The same on Ctrl-C, but removing folders asynchronously: tsx relays the
 * signal to this process a second time (npm forwards it too) and SIGKILLs it
 * if it does not answer within ~60 ms, which a synchronous removal of a build
 * folder blocks, leaving the folder behind.
 */
async function cleanupOnSignal(): Promise<void> {
  attempt("stop child processes", killAllGroupsNow);
  attempt("restore tsconfig.json / next-env.d.ts", () => guard.restore());
  await Promise.all(
    takeLeftoverDirs().map((dir) => fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch((caught: unknown) => reportCleanupFailure(`remove ${dir}`, caught))),
  );
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  // `on`, not `once`: the relayed repeat of the signal must find a listener, or Node would exit mid-cleanup.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n✗ bench interrupted (${signal}); stopping builds and cleaning up`);
    void cleanupOnSignal().finally(() => process.exit(130));
  });
}
process.once("exit", cleanupSync);

main().then(
  (code) => {
    cleanupSync();
    process.exitCode = code;
  },
  (caught: unknown) => {
    cleanupSync();
    console.error(`✗ bench failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    process.exitCode = 1;
  },
);
