/**
 * `npm run audit`: the reader quality gate, measured on the production build of the sample site plus
 * ../shared/seed (when present):
 *
 * - Lighthouse 12 (pinned 12.2.3: 13 wants Node 22) with its default mobile preset (a mid-range phone on slow 4G,
 *   simulated) on home, an article (the seed when present) and a category: the four scores and the core metrics,
 *   the median of AUDIT_RUNS runs (3) per page, with PASS/OVER against the targets (performance ≥ 95; accessibility,
 *   best practices and SEO 100);
 * - the weight of that article: HTML (and the framework's inline page data in it), CSS and JavaScript, raw, gzip
 *   and brotli (Vercel serves brotli);
 * - beside it, in the same run, the same article in the naive Next app of the same posts (bench/baseline.ts: one
 *   page, title and sanitized body, no CSS, no islands): the floor the framework itself sets on this machine, since
 *   Lighthouse's scores here move by several points from one run to the next.
 *
 * Chromium: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own. Knobs: AUDIT_PORT (3472; the
 * naive app is served on the next port), AUDIT_RUNS (3), AUDIT_SKIP_BUILD=1 reuses the last audit builds. Writes bench-results/audit-<ISO date>.json.
 * Exits 1 when a page cannot be audited; targets missed are reported, not enforced (like the bench's budgets).
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { urls } from "../lib/site/urls";
import { ContentStore } from "../lib/store/read-store";
import { prepareSampleContent } from "./content";
import { ProjectFileGuard } from "./guard";
import { naiveArticlePath, writeBaselineApp } from "./baseline";
import { findSlug, get, scriptSources, startServer, type RunningServer } from "./page";

const root = process.cwd();
const lighthouseCli = path.join(__dirname, "..", "node_modules", "lighthouse", "cli", "index.js");
const sharedDir = path.resolve(root, "..", "shared");
const DIST_DIR = ".next-audit";
const STORE_DIR = ".yuedu/audit/store";
/** The naive app of the same posts; a `.next-bench-` folder, so ProjectFileGuard knows its traces. */
const NAIVE_APP_DIR = ".next-bench-audit-naive";
const port = Number(process.env.AUDIT_PORT ?? 3472);
const naivePort = port + 1;
const runs = Math.max(1, Number(process.env.AUDIT_RUNS ?? 3));
/** A sample article with a table of contents, entity links, a head image and a figure. */
const SAMPLE_ARTICLE = "ai-芯片的下一站推理";
/** The row of the same article in the naive app; its scores are the peer, not held to the targets. */
const NAIVE_ARTICLE = "naive Next: article";
const skipBuild = /^(1|true|yes)$/i.test(process.env.AUDIT_SKIP_BUILD ?? "");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
} as const;
type Metric = keyof typeof METRICS;

/** A page to audit, on the server listening on `port`. */
interface AuditedPage {
  name: string;
  path: string;
  port: number;
}

interface PageAudit extends AuditedPage {
  scores: Record<Category, number>;
  metrics: Record<Metric, number>;
  mainThreadMs: number;
  bootupMs: number;
  /** Audits that lost points outside performance, so a score under 100 says why. */
  failing: string[];
  runs: { scores: Record<Category, number>; metrics: Record<Metric, number> }[];
}

interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

function chromePath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  return system ?? chromium.executablePath();
}

function weigh(data: Buffer): Weight {
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function add(a: Weight, b: Weight): Weight {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs a build command in the project, putting back the project files `next build` touches; throws with its output's end. */
function runBuild(what: string, command: string, args: string[], env: Record<string, string>): void {
  const guard = new ProjectFileGuard(root);
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  for (const note of guard.restore()) console.warn(`  ! ${note}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${what} did not build (exit ${result.status}):\n${output}`);
  }
}

function build(contentDir: string): void {
  console.log(`building the audit site (content/${contentDir.endsWith("seed") ? "" : " + ../shared/seed"}) into ${DIST_DIR} …`);
  runBuild("the audit site", "npm", ["run", "build", "--silent"], { CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST_DIR, YUEDU_STORE_DIR: STORE_DIR });
}

async function buildNaive(contentDir: string): Promise<void> {
  console.log(`building the naive Next app of the same posts (bench/baseline.ts) into ${NAIVE_APP_DIR} …`);
  await writeBaselineApp(path.join(root, NAIVE_APP_DIR));
  runBuild("the naive app", path.join("node_modules", ".bin", "next"), ["build", NAIVE_APP_DIR], { BASELINE_CONTENT_DIR: contentDir });
}

/**
 * The pages Lighthouse audits: home, an article of the sample (a TOC, entity links, a head image and a figure,
 * all served by the site) and the first top-level category. Not the seed: its images live on 36kr's servers,
 * which a machine without outside network cannot reach, and that would be measuring their host, not our page.
 */
function choosePages(contentDir: string): AuditedPage[] {
  const store = ContentStore.open(STORE_DIR);
  try {
    const category = store.allCategories()[0];
    if (!category) throw new Error("the audit site has no category");
    const article = store.document(SAMPLE_ARTICLE);
    if (!article) throw new Error(`the sample article ${SAMPLE_ARTICLE} is missing from content/`);
    return [
      { name: "home", path: urls.home(), port },
      { name: "article", path: urls.article(SAMPLE_ARTICLE), port },
      { name: `category ${category.name}`, path: urls.category(category.segments), port },
      { name: NAIVE_ARTICLE, path: naiveArticlePath(contentDir, article.summary.title), port: naivePort },
    ];
  } finally {
    store.close();
  }
}

/** What the article sends: its HTML (with the inline page data the framework adds), its CSS and its scripts. */
async function weighArticle(pathname: string): Promise<Record<"html" | "inlineData" | "css" | "js", Weight> & { scripts: number }> {
  const page = await get(port, pathname);
  if (page.status !== 200) throw new Error(`GET ${pathname} answered ${page.status}`);
  const html = page.body.toString("utf8");
  const inlineData = Buffer.from(
    Array.from(html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g), (match) => match[1] ?? "").join(""),
  );
  let css: Weight = { raw: 0, gzip: 0, brotli: 0 };
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
    const sheet = await get(port, new URL(match[1] ?? "", `http://127.0.0.1:${port}/`).pathname);
    css = add(css, weigh(sheet.body));
  }
  let js: Weight = { raw: 0, gzip: 0, brotli: 0 };
  const sources = scriptSources(html);
  for (const src of sources) {
    const script = await get(port, new URL(src, `http://127.0.0.1:${port}/`).pathname);
    js = add(js, weigh(script.body));
  }
  return { html: weigh(page.body), inlineData: weigh(inlineData), css, js, scripts: sources.length };
}

/** The parts of a Lighthouse result (LHR) read here. */
interface LighthouseResult {
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string } | undefined>;
}

/**
 * One Lighthouse run through its CLI, in a plain Node process: run in-process under tsx, Lighthouse's page
 * functions carry esbuild's `__name` helper into the page and fail there.
 */
async function lighthouseRun(url: string): Promise<LighthouseResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      lighthouseCli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${CATEGORIES.join(",")}`,
      "--chrome-flags=--headless=new --disable-background-networking --disable-component-update --no-first-run --no-sandbox",
    ],
    { env: { ...process.env, CHROME_PATH: chromePath() }, maxBuffer: 256 * 2 ** 20, timeout: 180_000 },
  );
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== "object" || parsed === null || !("categories" in parsed) || !("audits" in parsed)) throw new Error(`Lighthouse printed no result for ${url}`);
  return parsed as LighthouseResult;
}

async function audit(page: AuditedPage): Promise<PageAudit> {
  const url = `http://127.0.0.1:${page.port}${page.path}`;
  const results: PageAudit["runs"] = [];
  let lhr: LighthouseResult | null = null;
  for (let run = 0; run < runs; run += 1) {
    lhr = await lighthouseRun(url);
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    const result = lhr;
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((result.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, result.audits[id]?.numericValue ?? NaN])) as Record<Metric, number>;
    results.push({ scores, metrics });
  }
  if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
  // The whole report of the last run, for a look at what the scores come from.
  await fs.mkdir(path.join(root, "bench-results"), { recursive: true });
  await fs.writeFile(path.join(root, "bench-results", `lighthouse-${page.name.replace(/[^a-z0-9]+/gi, "-")}.json`), JSON.stringify(lhr));
  const failing: string[] = [];
  for (const category of CATEGORIES.filter((name) => name !== "performance")) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (ref.weight > 0 && result && result.score !== null && result.score < 1) failing.push(`${category}: ${ref.id} (${result.title})`);
    }
  }
  return {
    ...page,
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, median(results.map((result) => result.scores[category]))])) as Record<Category, number>,
    metrics: Object.fromEntries(Object.keys(METRICS).map((key) => [key, median(results.map((result) => result.metrics[key as Metric]))])) as Record<Metric, number>,
    mainThreadMs: lhr.audits["mainthread-work-breakdown"]?.numericValue ?? NaN,
    bootupMs: lhr.audits["bootup-time"]?.numericValue ?? NaN,
    failing,
    runs: results,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;

function printAudits(audits: PageAudit[]): void {
  console.log(`\nLighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), median of ${runs} run(s)`);
  console.log(`  ${"page".padEnd(22)} perf  a11y  best  seo   FCP      LCP      TBT      CLS    SI       main thread  script`);
  for (const page of audits) {
    const { scores, metrics } = page;
    console.log(
      `  ${page.name.padEnd(22)} ${String(scores.performance).padEnd(5)} ${String(scores.accessibility).padEnd(5)} ${String(scores["best-practices"]).padEnd(5)} ${String(scores.seo).padEnd(5)} ` +
        `${ms(metrics.fcp).padEnd(8)} ${ms(metrics.lcp).padEnd(8)} ${ms(metrics.tbt).padEnd(8)} ${metrics.cls.toFixed(3).padEnd(6)} ${ms(metrics.si).padEnd(8)} ${ms(page.mainThreadMs).padEnd(12)} ${ms(page.bootupMs)}`,
    );
    // The naive page has no title or description by design; only its performance is the peer.
    if (page.name !== NAIVE_ARTICLE) for (const failure of page.failing) console.log(`      – ${failure}`);
  }
  const ours = audits.find((page) => page.name === "article");
  const naive = audits.find((page) => page.name === NAIVE_ARTICLE);
  if (ours && naive) {
    console.log(`\nThe same article, ours beside the naive Next page of it (same run; perf ${naive.scores.performance} is what the framework alone leaves):`);
    console.log(
      `  performance ${ours.scores.performance} vs ${naive.scores.performance}, LCP ${ms(ours.metrics.lcp)} vs ${ms(naive.metrics.lcp)}, ` +
        `TBT ${ms(ours.metrics.tbt)} vs ${ms(naive.metrics.tbt)}, main thread ${ms(ours.mainThreadMs)} vs ${ms(naive.mainThreadMs)}`,
    );
  }
  console.log("\nTargets");
  for (const page of audits.filter((page) => page.name !== NAIVE_ARTICLE)) {
    for (const category of CATEGORIES) {
      const score = page.scores[category];
      console.log(`  ${score >= TARGETS[category] ? "PASS " : "OVER "} ${page.name} ${category}: ${score} (target ≥ ${TARGETS[category]})`);
    }
  }
}

function printWeight(pathname: string, weight: Awaited<ReturnType<typeof weighArticle>>): void {
  console.log(`\nWhat ${decodeURIComponent(pathname)} sends (raw / gzip -9 / brotli 11)`);
  const line = (name: string, w: Weight): string => `  ${name.padEnd(34)} ${kb(w.raw).padStart(10)} ${kb(w.gzip).padStart(10)} ${kb(w.brotli).padStart(10)}`;
  console.log(line("HTML", weight.html));
  console.log(line("  of which inline page data (RSC)", weight.inlineData));
  console.log(line("CSS", weight.css));
  console.log(line(`JavaScript (${weight.scripts} files)`, weight.js));
  console.log(line("total", add(add(weight.html, weight.css), weight.js)));
}

async function main(): Promise<number> {
  const contentDir = path.join(os.tmpdir(), "yuedu-audit-content");
  const content = await prepareSampleContent(contentDir, path.join(root, "content"), sharedDir);
  if (!skipBuild || !existsSync(path.join(STORE_DIR, "manifest.json"))) build(content.dir);
  if (!skipBuild || !existsSync(path.join(NAIVE_APP_DIR, ".next", "BUILD_ID"))) await buildNaive(content.dir);
  const pages = choosePages(content.dir);
  // The weight is measured on the seed, the reference article, when ../shared has it.
  const weighed = content.seedTitle ? urls.article(findSlug(STORE_DIR, content.seedTitle).slug) : urls.article(SAMPLE_ARTICLE);
  const servers: RunningServer[] = [];
  try {
    servers.push(await startServer({ cwd: root, env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, YUEDU_STORE_DIR: STORE_DIR, NEXT_TELEMETRY_DISABLED: "1" }, port }));
    servers.push(await startServer({ cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, port: naivePort, appDir: NAIVE_APP_DIR }));
    const weight = await weighArticle(weighed);
    const audits: PageAudit[] = [];
    for (const page of pages) {
      process.stdout.write(`auditing ${page.name} (${page.path}) … `);
      audits.push(await audit(page));
      console.log("done");
    }
    printAudits(audits);
    printWeight(weighed, weight);
    const outDir = path.join(root, "bench-results");
    await fs.mkdir(outDir, { recursive: true });
    const outFile = path.join(outDir, `audit-${new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`);
    await fs.writeFile(outFile, `${JSON.stringify({ runs, chrome: chromePath(), audits, weight: { path: weighed, ...weight } }, null, 2)}\n`);
    console.log(`\nResults: ${path.relative(root, outFile)}`);
    return 0;
  } finally {
    for (const server of servers) await server.stop();
    await fs.rm(contentDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ audit failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
