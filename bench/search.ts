/**
 * Search costs for `npm run bench`, on a bench build:
 *
 * - the index: Pagefind rebuilds the store's search index aside (`bench/rebuild-search-index.ts`, timed with the
 *   peak memory of its whole process tree, Pagefind's own process included), and its size on disk;
 * - the browser: Chromium opens the search page of `next start` on loopback, focuses the box and searches, each
 *   reader in a fresh browser context (nothing cached), then searches a second time. For each search: the bytes
 *   the browser received for it and the time from the pause in typing to the results on screen (the page's own
 *   `yuedu-search` User Timing entry).
 */
import { existsSync, promises as fs } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { folderSize } from "../lib/content/search/build-search-index";
import { SEARCH_TIMING } from "../lib/search/search-index-format";
import { ContentStore } from "../lib/store/read-store";
import { startServer, withServerOutput } from "./page";
import { runMeasured } from "./proc";

const HOST = "127.0.0.1";
/** Words a reader of a Chinese business and tech archive types, whatever the generated bodies hold. */
const COMMON_QUERIES = ["公司", "融资", "用户", "市场", "发布", "数据", "平台", "投资人", "人工智能", "AI 芯片"];

export interface SearchIndexReport {
  seconds: number;
  peakRssMb: number;
  files: number;
  megabytes: number;
}

export interface QueryReport {
  query: string;
  results: number;
  ms: number;
  /** Bytes received (bodies as sent, compressed or not) for this search alone. */
  bytes: number;
}

export interface SearchReport {
  index: SearchIndexReport;
  first: QueryReport[];
  second: QueryReport[];
  summary: {
    firstBytesP50: number;
    firstBytesMax: number;
    firstMsP50: number;
    firstMsP95: number;
    secondBytesP50: number;
    secondBytesMax: number;
    secondMsP50: number;
    secondMsP95: number;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Rebuilds the search index of `storeDir` into a temporary folder, measured; the store's own index is untouched. */
export async function measureSearchIndexBuild(options: { cwd: string; storeDir: string; timeoutMs: number }): Promise<SearchIndexReport> {
  const outputDir = `${options.storeDir}-search-bench`;
  await fs.rm(outputDir, { recursive: true, force: true });
  try {
    const run = await runMeasured({
      command: `exec node_modules/.bin/tsx bench/rebuild-search-index.ts ${JSON.stringify(options.storeDir)} ${JSON.stringify(outputDir)}`,
      env: { ...process.env },
      cwd: options.cwd,
      timeoutMs: options.timeoutMs,
      markLine: /\d+ articles, /,
    });
    if (run.exitCode !== 0) throw new Error(`rebuilding the search index failed:\n${run.output.slice(-20).join("\n")}`);
    const { files, bytes } = await folderSize(outputDir);
    return { seconds: Math.round(run.wallMs / 100) / 10, peakRssMb: run.peakRssMb, files, megabytes: Math.round(bytes / 1024 / 102.4) / 10 };
  } finally {
    await fs.rm(outputDir, { recursive: true, force: true });
  }
}

/** Queries for a store: its most mentioned entities, a few rarer ones, and everyday words. */
export function benchQueries(storeDir: string, count = 20): string[] {
  const store = ContentStore.open(storeDir);
  try {
    const entities = store.manifest.entityCount;
    const names = store.entitiesBetween(0, Math.min(entities, 5)).map((entity) => entity.name);
    const step = Math.max(1, Math.floor(entities / 6));
    for (let at = step; at < entities && names.length < count - COMMON_QUERIES.length; at += step) names.push(...store.entitiesBetween(at, at + 1).map((entity) => entity.name));
    return [...new Set([...names, ...COMMON_QUERIES])].slice(0, count);
  } finally {
    store.close();
  }
}

function launchChromium(): Promise<Browser> {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  return chromium.launch({
    ...(system ? { executablePath: system } : {}),
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** Types `query` into the search page's box and waits for its results; the time and bytes of that search. */
async function search(page: Page, query: string, received: { bytes: number }): Promise<QueryReport> {
  const before = received.bytes;
  const box = page.getByRole("main").getByRole("searchbox");
  await box.fill(query);
  await page.waitForFunction(
    ([name, wanted]) => performance.getEntriesByName(name).some((entry) => entry instanceof PerformanceMeasure && (entry.detail as { query?: string } | null)?.query === wanted),
    [SEARCH_TIMING, query] as const,
    { timeout: 60_000 },
  );
  const timing = await page.evaluate(
    ([name, wanted]) => {
      const entry = performance.getEntriesByName(name).findLast((candidate) => candidate instanceof PerformanceMeasure && (candidate.detail as { query?: string } | null)?.query === wanted);
      return entry instanceof PerformanceMeasure ? { ms: entry.duration, results: Number((entry.detail as { results?: number } | null)?.results ?? 0) } : { ms: Number.NaN, results: 0 };
    },
    [SEARCH_TIMING, query] as const,
  );
  // Responses still arriving after the results are on screen (nothing should) count for this search too.
  await page.waitForLoadState("networkidle");
  return { query, results: timing.results, ms: Math.round(timing.ms), bytes: received.bytes - before };
}

/** Serves the bench build and searches it as readers would; always stops the server and the browser. */
export async function measureSearch(options: { cwd: string; env: NodeJS.ProcessEnv; port: number; storeDir: string; timeoutMs: number; readers: number }): Promise<SearchReport> {
  const index = await measureSearchIndexBuild(options);
  const queries = benchQueries(options.storeDir, options.readers);
  const server = await startServer(options);
  const browser = await launchChromium();
  const first: QueryReport[] = [];
  const second: QueryReport[] = [];
  try {
    for (const [at, query] of queries.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const received = { bytes: 0 };
      page.on("requestfinished", (request) => {
        void request.sizes().then((sizes) => {
          received.bytes += sizes.responseBodySize;
        });
      });
      await page.goto(`http://${HOST}:${options.port}/search`);
      await page.waitForLoadState("networkidle");
      // What the page itself loaded is not the search's.
      received.bytes = 0;
      await page.getByRole("main").getByRole("searchbox").focus();
      first.push(await search(page, query, received));
      second.push(await search(page, queries[(at + 1) % queries.length] ?? query, received));
      await context.close();
    }
  } catch (error) {
    throw withServerOutput(error, server.outputTail());
  } finally {
    await browser.close();
    await server.stop();
  }
  const values = (reports: QueryReport[], key: "bytes" | "ms") => reports.map((report) => report[key]);
  return {
    index,
    first,
    second,
    summary: {
      firstBytesP50: percentile(values(first, "bytes"), 50),
      firstBytesMax: Math.max(...values(first, "bytes")),
      firstMsP50: percentile(values(first, "ms"), 50),
      firstMsP95: percentile(values(first, "ms"), 95),
      secondBytesP50: percentile(values(second, "bytes"), 50),
      secondBytesMax: Math.max(...values(second, "bytes")),
      secondMsP50: percentile(values(second, "ms"), 50),
      secondMsP95: percentile(values(second, "ms"), 95),
    },
  };
}
