/** Tables and budget verdicts for `npm run bench`. */
import type { SearchReport } from "./search";
import type { LoadReport } from "./load";
import type { PageReport } from "./page";
import type { ServeReport } from "./serve";

export interface RunResult {
  n: number;
  mode: "cold" | "warm";
  wallS: number;
  msPerArticle: number;
  peakRssMb: number;
  /** What `✓ content: … in X s` printed (the content step's own timer). */
  contentStepS: number | null;
  /** From the start until the content line appeared (includes npx/tsx start-up). */
  contentPhaseS: number | null;
  /** From the content line until `next build` exited. */
  nextPhaseS: number | null;
  peakRssContentMb: number;
  peakRssNextMb: number;
  cacheHits: string | null;
  /** CPU seconds of the build's process tree (all cores). */
  cpuS: number;
  /** CPU seconds used by everything else on the machine during the run; large means the timings are noisy. */
  otherCpuS: number;
  peakProcesses: number;
  memorySamples: number;
  /** Other build processes seen on the machine while this run was going. */
  otherBuildsRunning: number;
  /** 1-minute load average when the run started. */
  loadAverageAtStart: number;
  /** What `search index: … built in X s` printed: the search index's share of the content step. */
  searchIndexS: number | null;
}

/** The naive Next.js build of the same posts (bench/baseline.ts), measured in the same run. */
export interface BaselineResult {
  n: number;
  wallS: number;
  peakRssMb: number;
  cpuS: number;
}

/** A peer's build of the same posts in the same run (Hexo's `hexo generate`). */
export interface PeerResult {
  tool: "hexo";
  n: number;
  mode: "cold" | "warm";
  wallS: number;
  peakRssMb: number;
  cpuS: number;
}

export interface Budget {
  name: string;
  verdict: "PASS" | "OVER" | "n/a";
  detail: string;
}

const KB = 1024;

function table(headers: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (alignLeft.includes(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (value: number | null, digits = 1): string => (value === null ? "–" : value.toFixed(digits));
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

export function printRuns(runs: RunResult[]): void {
  console.log("\nBuilds (wall = `build-content.ts && next build`, memory = whole process tree)");
  console.log(
    table(
      ["N", "run", "wall s", "ms/article", "peak MB", "content s", "next s", "peak MB content", "peak MB next", "cache hits", "cpu s", "other cpu s"],
      runs.map((run) => [
        String(run.n),
        run.mode,
        fixed(run.wallS),
        fixed(run.msPerArticle, 1),
        fixed(run.peakRssMb, 0),
        fixed(run.contentStepS),
        fixed(run.nextPhaseS),
        fixed(run.peakRssContentMb, 0),
        fixed(run.peakRssNextMb, 0),
        run.cacheHits ?? "–",
        fixed(run.cpuS),
        fixed(run.otherCpuS),
      ]),
      [1],
    ),
  );
  console.log("  content s = the content step's own timer; next s = from its last line to the end of `next build`; other cpu s = CPU used by the rest of the machine meanwhile");
  if (runs.some((run) => run.otherBuildsRunning > 0 || run.otherCpuS > run.wallS * 0.25)) {
    console.log("  ! other work was running on this machine during some runs (other builds or other cpu s); those timings are pessimistic");
  }
}

/** Our builds next to Hexo's of the same posts, with the ratio. */
export function printPeers(runs: RunResult[], peers: PeerResult[]): void {
  console.log("\nPeers (same generated posts, same run, one after the other)");
  console.log(
    table(
      ["N", "run", "yuedu s", "yuedu peak MB", "hexo s", "hexo peak MB", "yuedu / hexo"],
      peers.map((peer) => {
        const ours = runs.find((run) => run.n === peer.n && run.mode === peer.mode);
        return [
          String(peer.n),
          peer.mode,
          fixed(ours?.wallS ?? null),
          fixed(ours?.peakRssMb ?? null, 0),
          fixed(peer.wallS),
          fixed(peer.peakRssMb, 0),
          ours ? `×${(ours.wallS / peer.wallS).toFixed(2)}` : "–",
        ];
      }),
      [1],
    ),
  );
  console.log("  hexo = Hexo 8.1.2 + the landscape theme (bench/hexo/); warm = a second build after one post changed (Hexo keeps db.json; ours restores .next/cache)");
}

/** First requests of articles that were not prebuilt, and memory after many random ones. */
export function printServe(serve: ServeReport): void {
  const first = serve.firstRequests;
  const random = serve.randomRequests;
  console.log(`\nServing the ${serve.articles}-article build with next start (${serve.prebuiltArticles} articles prebuilt)`);
  console.log(`  first request of ${first.count} articles not prebuilt, one at a time: p50 ${first.p50Ms} ms, p95 ${first.p95Ms} ms, p99 ${first.p99Ms} ms, max ${first.maxMs} ms; statuses ${JSON.stringify(first.statuses)}`);
  console.log(`  then ${random.count} requests to random articles, ${random.concurrency} at a time, in ${random.seconds} s; statuses ${JSON.stringify(random.statuses)}`);
  console.log(`  server memory (RSS of the process tree): ${fixed(serve.rssAfterStartMb, 0)} MB after start, ${fixed(serve.rssAfterRandomMb, 0)} MB after those requests`);
}

export function printPage(page: PageReport): void {
  const { html, totals } = page;
  console.log(`\nArticle page ${page.url}`);
  console.log(`  title: ${page.title}`);
  console.log(
    `  HTML: ${kb(html.rawBytes)} raw, ${kb(html.gzipBytes)} gzip-9` +
      (html.contentEncoding ? `, ${kb(html.wireBytes)} as sent (${html.contentEncoding})` : ", sent uncompressed") +
      `; ${html.inlineScripts} inline scripts, ${kb(html.inlineScriptBytes)}`,
  );
  console.log(
    table(
      ["script", "class", "raw", "gzip-9", "as sent", "markers"],
      page.scripts.map((script) => [
        script.src,
        script.class,
        kb(script.rawBytes),
        kb(script.gzipBytes),
        script.contentEncoding ? `${kb(script.wireBytes)} ${script.contentEncoding}` : kb(script.wireBytes),
        script.markers.join(", "),
      ]),
      [0, 1, 5],
    ),
  );
  for (const key of ["framework", "ours", "all"] as const) {
    console.log(`  ${key.padEnd(9)} ${String(totals[key].count).padStart(2)} scripts  ${kb(totals[key].rawBytes).padStart(9)} raw  ${kb(totals[key].gzipBytes).padStart(9)} gzip-9`);
  }
  const own = page.oursModules;
  console.log(`  (estimate: our own modules inside those chunks: ${own.count}, ${kb(own.rawBytes)} raw, ${kb(own.gzipBytes)} gzip-9; the rest is Next code bundled with them)`);
}

const MB = 1024 * 1024;

export function printLoad(load: LoadReport): void {
  console.log(
    `\nLoad test (autocannon, ${load.connections} connections × ${load.secondsPerTarget} s per target, ${load.rounds.length} rounds, ` +
      `Accept-Encoding: ${load.acceptEncoding}; next start on ${load.url}, ready in ${(load.serverReadyMs / 1000).toFixed(1)} s)`,
  );
  for (const target of load.targets) {
    const readable = decodeURI(target.path);
    const sample = load.sampleResponses.find((response) => response.target === target.name);
    const sampled = sample ? `; warm-up: ${sample.status}, ${kb(sample.wireBytes)} ${sample.contentEncoding ?? "uncompressed"}` : "";
    console.log(`  ${target.name.padEnd(8)} expects ${target.expectedStatus}  ${readable}  — ${target.note}${sampled}`);
    if (readable !== target.path) console.log(`  ${"".padEnd(8)}              sent as ${target.path}`);
  }
  console.log(
    table(
      ["round", "target", "req/s", "p50 ms", "p99 ms", "requests", "404", "5xx", "unexpected", "errors", "timeouts", "MB/s", "peak RSS MB"],
      load.rounds.flatMap((round) =>
        round.runs.map((run) => [
          String(round.round),
          run.target,
          fixed(run.requestsPerSecond, 0),
          String(run.latencyP50Ms),
          String(run.latencyP99Ms),
          String(run.totalRequests),
          String(run.status404),
          String(run.status5xx),
          String(run.unexpectedStatus),
          String(run.errors),
          String(run.timeouts),
          fixed(run.throughputBytesPerSecond / MB, 2),
          fixed(run.peakRssMb, 0),
        ]),
      ),
      [1],
    ),
  );
  console.log("  req/s = mean of per-second samples; latency over all responses; 404 is expected only for the 404 target; MB/s = bytes on the wire (gzip)");
  if (load.otherBuildsRunning > 0) console.log(`  ! ${load.otherBuildsRunning} other build process(es) ran on this machine during the load test: req/s and latency are pessimistic`);

  console.log("\nServer memory (RSS of the `next start` process tree, sampled every 100 ms)");
  console.log(`  before round 1 (after warm-up): ${fixed(load.baselineRssMb)} MB`);
  for (const round of load.rounds) console.log(`  round ${round.round}: peak ${fixed(round.peakRssMb)} MB, after (${load.settleS} s settle) ${fixed(round.afterRssMb)} MB`);
  const memoryLabel = load.memory.verdict === "STABLE" ? "memory does not grow run over run" : "memory GROWS run over run";
  console.log(`  ${load.memory.verdict.padEnd(6)} ${memoryLabel}: ${load.memory.detail}`);

  const runs = load.rounds.reduce((sum, round) => sum + round.runs.length, 0);
  console.log("\nStatus check (200 expected, 404 for the unknown article; a 5xx or any other status fails the bench)");
  if (load.failures.length === 0) console.log(`  PASS   all ${runs} runs answered as expected`);
  else for (const failure of load.failures) console.log(`  FAIL   ${failure}`);
}

function verdict(ok: boolean): "PASS" | "OVER" {
  return ok ? "PASS" : "OVER";
}

/** The issues' budgets, judged on cold builds unless a budget says warm. */
export function budgetLines(
  runs: RunResult[],
  peers: PeerResult[],
  page: PageReport | null,
  baseline: BaselineResult | null,
  serve: ServeReport | null,
  searches: SizedSearchReport[] = [],
): Budget[] {
  const find = (n: number, mode: "cold" | "warm") => runs.find((run) => run.n === n && run.mode === mode);
  const hexo = (n: number, mode: "cold" | "warm") => peers.find((peer) => peer.n === n && peer.mode === mode);
  const budgets: Budget[] = [];
  const add = (name: string, ok: boolean | null, detail: string): void => {
    budgets.push({ name, verdict: ok === null ? "n/a" : verdict(ok), detail });
  };
  const big = find(5000, "cold");
  const bigWarm = find(5000, "warm");
  const hexoCold = hexo(5000, "cold");
  const hexoWarm = hexo(5000, "warm");
  const no5000 = "N=5000 not in BENCH_SIZES";

  if (big && hexoCold) add("5000 articles cold ≤ 0.8× Hexo (same posts, same run)", big.wallS <= 0.8 * hexoCold.wallS, `${big.wallS.toFixed(1)} s vs hexo ${hexoCold.wallS.toFixed(1)} s = ×${(big.wallS / hexoCold.wallS).toFixed(2)}`);
  else add("5000 articles cold ≤ 0.8× Hexo (same posts, same run)", null, big ? "Hexo not built (BENCH_HEXO=0)" : no5000);
  add("5000 articles cold peak memory ≤ 1536 MB", big ? big.peakRssMb <= 1536 : null, big ? `${big.peakRssMb.toFixed(0)} MB (whole process tree)` : no5000);
  if (bigWarm && hexoWarm) add("5000 articles warm (one post changed) ≤ Hexo's second generate", bigWarm.wallS <= hexoWarm.wallS, `${bigWarm.wallS.toFixed(1)} s vs hexo ${hexoWarm.wallS.toFixed(1)} s = ×${(bigWarm.wallS / hexoWarm.wallS).toFixed(2)}`);
  else add("5000 articles warm (one post changed) ≤ Hexo's second generate", null, bigWarm ? "Hexo not built (BENCH_HEXO=0)" : no5000);

  const baselineName = "5000 articles build ≤ the naive build (same posts, same run)";
  if (big && baseline?.n === 5000) {
    add(baselineName, big.wallS <= baseline.wallS && big.peakRssMb <= baseline.peakRssMb, `cold ${big.wallS.toFixed(1)} s, ${big.peakRssMb.toFixed(0)} MB; naive ${baseline.wallS.toFixed(1)} s, ${baseline.peakRssMb.toFixed(0)} MB`);
  } else {
    add(baselineName, null, !big ? no5000 : baseline ? `the baseline was built for N=${baseline.n} (the largest size)` : "baseline not built (BENCH_BASELINE=0)");
  }

  for (const n of [20_000, 100_000]) {
    const run = find(n, "cold");
    if (!run) continue;
    add(`${n} articles cold peak memory ≤ 2048 MB`, run.peakRssMb <= 2048, `${run.wallS.toFixed(1)} s, ${run.peakRssMb.toFixed(0)} MB`);
    const smaller = runs.filter((other) => other.mode === "cold" && other.n >= 5000 && other.n < n).sort((a, b) => b.n - a.n)[0];
    if (smaller) add(`ms/article flat or falling from ${smaller.n} to ${n}`, run.msPerArticle <= smaller.msPerArticle * 1.05, `${smaller.msPerArticle.toFixed(2)} → ${run.msPerArticle.toFixed(2)} ms/article (5% noise allowed)`);
  }
  const small = find(1000, "cold");
  if (big && small) {
    const ratio = big.msPerArticle / small.msPerArticle;
    add("ms/article at 5000 within 20% of 1000", ratio <= 1.2, `cold ${big.msPerArticle.toFixed(1)} vs ${small.msPerArticle.toFixed(1)} ms = ×${ratio.toFixed(2)}`);
  }

  if (serve) {
    const first = serve.firstRequests;
    add(`first request of an article not prebuilt (${serve.articles} articles): p50 ≤ 50 ms, p99 ≤ 200 ms`, first.p50Ms <= 50 && first.p99Ms <= 200, `p50 ${first.p50Ms} ms, p99 ${first.p99Ms} ms over ${first.count}, one at a time`);
    add(`server memory ≤ 400 MB after ${serve.randomRequests.count} random article requests`, serve.rssAfterRandomMb <= 400, `${serve.rssAfterRandomMb.toFixed(0)} MB (${serve.rssAfterStartMb.toFixed(0)} MB after start)`);
  }
  const searchStep = big?.searchIndexS ?? null;
  add(
    "5000 articles: the search index adds ≤ 15% to the cold build",
    big && searchStep !== null ? searchStep <= 0.15 * (big.wallS - searchStep) : null,
    big && searchStep !== null ? `${searchStep.toFixed(1)} s of ${big.wallS.toFixed(1)} s = +${((100 * searchStep) / (big.wallS - searchStep)).toFixed(1)}%` : no5000,
  );
  const largest = [...searches].sort((a, b) => b.n - a.n)[0];
  if (largest) {
    const { summary } = largest.report;
    add(
      `first search at ${largest.n} articles: ≤ 300 KB transferred, ≤ 300 ms p95`,
      summary.firstBytesMax <= 300 * KB && summary.firstMsP95 <= 300,
      `${kb(summary.firstBytesP50)} p50, ${kb(summary.firstBytesMax)} max; ${summary.firstMsP50} ms p50, ${summary.firstMsP95} ms p95 (${largest.report.first.length} readers, fresh browser each)`,
    );
  }
  add(
    "our JS ≤ 15 KB gzip",
    page ? page.totals.ours.gzipBytes <= 15 * KB : null,
    page ? `${kb(page.totals.ours.gzipBytes)} gzip-9 in ${page.totals.ours.count} chunk(s) (own modules ≈ ${kb(page.oursModules.gzipBytes)}); framework ${kb(page.totals.framework.gzipBytes)}` : "page not measured",
  );
  return budgets;
}

/** The search costs measured on the bench build of `n` articles. */
export interface SizedSearchReport {
  n: number;
  report: SearchReport;
}

/** The search index and the browser's searches, per size. */
export function printSearch(searches: SizedSearchReport[]): void {
  if (searches.length === 0) return;
  console.log("\nSearch (bench/search.ts; index rebuilt aside; each reader a fresh Chromium context on loopback)");
  console.log("       N   index s   peak MB   files     MB   1st KB p50/max   1st ms p50/p95   2nd KB p50/max   2nd ms p50/p95");
  for (const { n, report } of searches) {
    const { index, summary } = report;
    console.log(
      `${String(n).padStart(8)} ${index.seconds.toFixed(1).padStart(9)} ${index.peakRssMb.toFixed(0).padStart(9)} ${String(index.files).padStart(7)} ${index.megabytes.toFixed(1).padStart(6)}` +
        `   ${`${kb(summary.firstBytesP50)}/${kb(summary.firstBytesMax)}`.padStart(14)}   ${`${summary.firstMsP50}/${summary.firstMsP95}`.padStart(14)}` +
        `   ${`${kb(summary.secondBytesP50)}/${kb(summary.secondBytesMax)}`.padStart(14)}   ${`${summary.secondMsP50}/${summary.secondMsP95}`.padStart(14)}`,
    );
  }
}
