/**
 * `npm run bench`: builds the site from N generated posts (default 1000 and
 * 5000; `BENCH_SIZES=200,1000` to choose), cold and warm, and measures wall
 * time, ms per article and the peak memory of the whole build process tree.
 * After the 1000-article build (or the smallest N) it serves the site on
 * 127.0.0.1 and weighs one article page and its JavaScript. Prints a table and
 * writes bench-results/bench-<ISO date>.json.
 *
 * Other knobs: BENCH_PORT (3471), BENCH_TIMEOUT_S per build (1800),
 * BENCH_KEEP=1 keeps the build folders (.next-bench-N, .yuedu/bench-N),
 * BENCH_VERBOSE=1 streams the build output.
 */
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateContent, loadBodySources, type GeneratedContent } from "./bench-content";
import { ProjectFileGuard } from "./bench-guard";
import { measurePage, type PageReport } from "./bench-page";
import { foreignNextBuilds, killAllGroupsNow, runMeasured, type MeasuredRun } from "./bench-proc";
import { budgetLines, printPage, printRuns, type RunResult } from "./bench-report";

const root = path.resolve(__dirname, "..");
const sharedDir = path.resolve(root, "..", "shared");
const port = positiveInt(process.env.BENCH_PORT, 3471);
const timeoutMs = positiveInt(process.env.BENCH_TIMEOUT_S, 1800) * 1000;
const keep = /^(1|true|yes)$/i.test(process.env.BENCH_KEEP ?? "");
const verbose = /^(1|true|yes)$/i.test(process.env.BENCH_VERBOSE ?? "");
const CONTENT_LINE = /✓ content: .* in ([\d.]+) s/;
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

function benchPaths(n: number) {
  return {
    distDir: `.next-bench-${n}`,
    storeDir: `.yuedu/bench-${n}/store`,
    cacheDir: `.yuedu/bench-${n}/cache`,
    benchDir: `.yuedu/bench-${n}`,
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

async function build(content: GeneratedContent, mode: "cold" | "warm"): Promise<RunResult> {
  const n = content.count;
  const paths = benchPaths(n);
  removeSync(paths.distDir);
  if (mode === "cold") {
    removeSync(paths.cacheDir);
    removeSync(paths.storeDir);
  }
  // Another build on the same cores (the e2e prepare step, a dev's `npm run build`) skews timings: note it.
  const foreign = new Set<number>(foreignNextBuilds());
  const watchForeign = setInterval(() => foreignNextBuilds().forEach((pid) => foreign.add(pid)), 2000);
  const loadAverage = round(os.loadavg()[0] ?? 0, 2);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: content.dir,
    NEXT_DIST_DIR: paths.distDir,
    YUEDU_STORE_DIR: paths.storeDir,
    YUEDU_CACHE_DIR: paths.cacheDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  process.stdout.write(`  ${mode} build of ${n} articles … `);
  let run: MeasuredRun;
  try {
    run = await runMeasured({
      command: "npx tsx scripts/build-content.ts && npx next build",
      env,
      cwd: root,
      timeoutMs,
      markLine: CONTENT_LINE,
      onLine: verbose ? (line) => console.log(`    │ ${line}`) : undefined,
    });
  } finally {
    clearInterval(watchForeign);
    for (const note of guard.restore()) console.warn(`  ! ${note}`);
  }
  const contentMatch = CONTENT_LINE.exec(run.markText ?? "");
  const cacheMatch = /\((\d+)\/(\d+) from cache\)/.exec(run.markText ?? "");
  if (run.exitCode !== 0 || run.timedOut) {
    console.log("FAILED");
    const reason = run.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit code ${run.exitCode ?? `signal ${run.signal ?? "?"}`}`;
    const hint = keep ? "" : "\n(Run with BENCH_KEEP=1 to keep the build folders for a look.)";
    throw new Error(`${mode} build of ${n} articles failed (${reason}). Last lines of its output:\n${run.output.slice(-60).join("\n")}${hint}`);
  }
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
    otherBuildsRunning: foreign.size,
    loadAverageAtStart: loadAverage,
  };
  console.log(`${result.wallS} s, peak ${result.peakRssMb} MB`);
  if (foreign.size > 0) console.warn(`  ! ${foreign.size} other build process(es) ran on this machine meanwhile (pids ${[...foreign].join(", ")}): this run's timings are pessimistic`);
  return result;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

async function main(): Promise<number> {
  const sizes = parseSizes(process.env.BENCH_SIZES);
  const pageSize = sizes.includes(1000) ? 1000 : (sizes[0] ?? 1000);
  const startedAt = new Date();
  const { sources, skipped } = await loadBodySources(sharedDir);
  console.log(`yuedu bench — sizes ${sizes.join(", ")}; ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 20)} MB RAM, Node ${process.version}`);
  console.log(
    existsSync(sharedDir)
      ? `bodies: ${sources.length} real posts from ${sharedDir}${skipped.length > 0 ? ` (skipped, front matter unreadable: ${skipped.join(", ")})` : ""}`
      : "bodies: synthetic seed-like body (../shared not found)",
  );

  const runs: RunResult[] = [];
  let page: PageReport | null = null;
  let error: string | null = null;
  try {
    for (const n of sizes) {
      const dir = path.join(os.tmpdir(), `yuedu-bench-${n}`);
      tempDirs.add(dir);
      buildDirs.add(benchPaths(n).distDir);
      buildDirs.add(benchPaths(n).benchDir);
      const generated = Date.now();
      const content = await generateContent(dir, n, sources, skipped);
      console.log(`\nN = ${n}: wrote ${n} posts to ${dir} in ${((Date.now() - generated) / 1000).toFixed(1)} s`);
      runs.push(await build(content, "cold"));
      runs.push(await build(content, "warm"));
      if (n === pageSize) {
        const paths = benchPaths(n);
        process.stdout.write(`  serving on 127.0.0.1:${port} and weighing the seed-like article … `);
        page = await measurePage({
          cwd: root,
          env: { ...process.env, NEXT_DIST_DIR: paths.distDir, YUEDU_STORE_DIR: paths.storeDir, NEXT_TELEMETRY_DISABLED: "1" },
          port,
          storeDir: path.resolve(root, paths.storeDir),
          seedTitle: content.seedTitle,
        });
        console.log("done");
      }
      await fs.rm(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
      if (!keep) {
        removeSync(benchPaths(n).distDir);
        removeSync(benchPaths(n).benchDir);
      }
      buildDirs.delete(benchPaths(n).distDir);
      buildDirs.delete(benchPaths(n).benchDir);
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }

  if (runs.length > 0) printRuns(runs);
  if (page) printPage(page);
  const budgets = budgetLines(runs, page);
  console.log(`\nBudgets (from the issue; reported, not enforced)\n${budgets.map((b) => `  ${b.verdict.padEnd(5)} ${b.name}: ${b.detail}`).join("\n")}`);

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, totalMemMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${os.platform()} ${os.release()}` },
    git: { commit: git(["rev-parse", "HEAD"]), dirty: (git(["status", "--porcelain"]) ?? "") !== "" },
    settings: { sizes, pageSize, port, bodies: sources.map((source) => source.origin), skipped, prebuildLimit: process.env.YUEDU_PREBUILD_LIMIT ?? null },
    memoryMethod: "sum of VmRSS from /proc/<pid>/status over the spawned bash and all its descendants, sampled every 100 ms",
    runs,
    page,
    budgets,
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
  return 0;
}

/** Idempotent and synchronous, so it also works from signal and exit handlers; one failing step does not skip the others. */
function cleanupSync(): void {
  const attempt = (what: string, step: () => void): void => {
    try {
      step();
    } catch (caught) {
      console.error(`! cleanup: could not ${what}: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };
  attempt("stop child processes", killAllGroupsNow);
  for (const dir of tempDirs) attempt(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  tempDirs.clear();
  if (!keep) for (const dir of buildDirs) attempt(`remove ${dir}`, () => removeSync(dir));
  buildDirs.clear();
  attempt("restore tsconfig.json / next-env.d.ts", () => guard.restore());
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\n✗ bench interrupted (${signal}); stopping builds and cleaning up`);
    cleanupSync();
    process.exit(130);
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
