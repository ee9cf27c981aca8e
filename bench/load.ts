/**
 * Load test for `npm run bench`: serves a production build with `next start`
 * on 127.0.0.1 and drives it with autocannon (in process, loopback only) —
 * three rounds, each hitting an article page, the home page, a percent-encoded
 * category page and an unknown article (404) one after the other — while
 * sampling the resident memory of the server's process tree.
 */
import autocannon from "autocannon";
import { urls } from "../lib/site/urls";
import type { CategoryNode } from "../lib/store/model";
import { ContentStore } from "../lib/store/read-store";
import { get, startServer, withServerOutput } from "./page";
import { startPeakSampler, treeRssMb, watchForeignBuilds } from "./proc";

const HOST = "127.0.0.1";
export const LOAD_ROUNDS = 3;
/** Sequential requests per target before the baseline: compiles nothing, but fills Next's caches and the JIT. */
const WARM_UP_REQUESTS = 5;
/** Pause before reading "after" memory, so freed buffers and in-flight responses are gone. */
const SETTLE_MS = 2000;
/** How much larger the last round's after-round RSS may be than the first's before memory counts as growing. */
const GROWTH_TOLERANCE = 0.1;
/** autocannon stops itself after its duration; past this much longer the run is stopped and the bench fails. */
const DEADLINE_GRACE_MS = 30_000;
const MISSING_ARTICLE_PATH = "/articles/no-such-article-xyz";

export interface LoadTarget {
  name: "article" | "home" | "category" | "404";
  /** As sent: percent-encoded. */
  path: string;
  expectedStatus: 200 | 404;
  /** Why this page: which article or category it is. */
  note: string;
}

/** The last warm-up response of a target: shows what one request costs and that gzip is on. */
export interface SampleResponse {
  target: LoadTarget["name"];
  status: number;
  contentEncoding: string | null;
  wireBytes: number;
}

export interface TargetRun {
  target: LoadTarget["name"];
  durationS: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  /** Responses received, whatever their status. */
  totalRequests: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  status404: number;
  status5xx: number;
  /** Responses whose status was not the target's expected one. */
  unexpectedStatus: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  throughputBytesPerSecond: number;
  peakRssMb: number;
}

export interface LoadRound {
  round: number;
  runs: TargetRun[];
  peakRssMb: number;
  /** After the round and a short settle. */
  afterRssMb: number;
}

export interface MemoryVerdict {
  verdict: "STABLE" | "GROWS";
  growthPercent: number;
  detail: string;
}

export interface LoadReport {
  connections: number;
  secondsPerTarget: number;
  /** Pause before each "after" memory reading. */
  settleS: number;
  acceptEncoding: "gzip";
  url: string;
  targets: LoadTarget[];
  serverReadyMs: number;
  sampleResponses: SampleResponse[];
  /** Before round 1, after the warm-up requests and a settle. */
  baselineRssMb: number;
  rounds: LoadRound[];
  memory: MemoryVerdict;
  /** Other builds seen on the machine during the test: they share the cores, so req/s and latency are pessimistic. */
  otherBuildsRunning: number;
  /** A 5xx, an unexpected status or no answer at all, per target and round; non-empty fails the bench. */
  failures: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The seed article when the store holds it (the real-world page the issue cares about), else the longest one. */
function chooseArticle(store: ContentStore, seedTitle: string | null): LoadTarget {
  const articles = Array.from(store.summariesBetween(0, store.articleCount));
  const seed = seedTitle === null ? undefined : articles.find((article) => article.title === seedTitle);
  if (seed) return { name: "article", path: urls.article(seed.slug), expectedStatus: 200, note: `seed article “${seed.title}”` };
  let longest: { slug: string; length: number } | null = null;
  for (const { slug } of articles) {
    const length = store.document(slug)?.html.length ?? 0;
    if (longest === null || length > longest.length) longest = { slug, length };
  }
  if (longest === null) throw new Error(`no articles in the store at ${store.dir}`);
  const reason = seedTitle === null ? "no ../shared/seed" : "seed article not in the store";
  return { name: "article", path: urls.article(longest.slug), expectedStatus: 200, note: `longest article (${reason})` };
}

/** The top-level category with the most articles, preferring names that need percent-encoding (the point of this target). */
function chooseCategory(categories: CategoryNode[]): LoadTarget {
  const candidates = categories.map((category) => {
    const pathname = urls.category(category.segments);
    return { category, pathname, encoded: pathname.includes("%") };
  });
  candidates.sort((a, b) => Number(b.encoded) - Number(a.encoded) || b.category.count - a.category.count);
  const chosen = candidates[0];
  if (!chosen) throw new Error("the store has no categories");
  return { name: "category", path: chosen.pathname, expectedStatus: 200, note: `category “${chosen.category.segments.join("/")}”, ${chosen.category.count} articles` };
}

/** What the load test hits, chosen from the store in `storeDir`: an article, the home page, a category and a 404. */
export function chooseTargets(storeDir: string, seedTitle: string | null): LoadTarget[] {
  const store = ContentStore.open(storeDir);
  try {
    return [
      chooseArticle(store, seedTitle),
      { name: "home", path: urls.home(), expectedStatus: 200, note: "home page (first list page)" },
      chooseCategory(store.manifest.categories),
      { name: "404", path: MISSING_ARTICLE_PATH, expectedStatus: 404, note: "unknown article" },
    ];
  } finally {
    store.close();
  }
}

/** The result, or a rejection (after stopping it) if autocannon has not finished within `ms`. */
function resultWithin(instance: autocannon.Instance, ms: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      instance.stop();
      reject(new Error(`autocannon did not finish within ${ms / 1000} s`));
    }, ms);
    instance.then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function summarize(target: LoadTarget, result: autocannon.Result, peakRssMb: number): TargetRun {
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  const expected = statusCodes[String(target.expectedStatus)] ?? 0;
  return {
    target: target.name,
    durationS: result.duration,
    requestsPerSecond: round1(result.requests.mean),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: round1(result.latency.mean),
    totalRequests: result.requests.total,
    statusCodes,
    non2xx: result.non2xx,
    status404: statusCodes["404"] ?? 0,
    status5xx: result["5xx"],
    unexpectedStatus: result.requests.total - expected,
    errors: result.errors,
    timeouts: result.timeouts,
    throughputBytesPerSecond: Math.round(result.throughput.mean),
    peakRssMb,
  };
}

async function hitTarget(options: { port: number; serverPid: number; connections: number; seconds: number }, target: LoadTarget): Promise<TargetRun> {
  const sampler = startPeakSampler(options.serverPid);
  let result: autocannon.Result;
  let peakRssMb: number;
  try {
    const instance = autocannon({
      url: `http://${HOST}:${options.port}${target.path}`,
      connections: options.connections,
      duration: options.seconds,
      headers: { "accept-encoding": "gzip" },
      title: target.name,
    });
    result = await resultWithin(instance, options.seconds * 1000 + DEADLINE_GRACE_MS);
  } finally {
    peakRssMb = sampler.stop();
  }
  return summarize(target, result, peakRssMb);
}

/** What makes this run fail the bench: any 5xx, any other unexpected status, or no answer at all (a dead server). */
function runFailures(round: number, target: LoadTarget, run: TargetRun): string[] {
  const where = `round ${round} ${target.name} (${decodeURI(target.path)})`;
  if (run.totalRequests === 0) return [`${where}: no responses (${run.errors} errors, ${run.timeouts} timeouts)`];
  const failures: string[] = [];
  if (run.status5xx > 0) failures.push(`${where}: ${run.status5xx} responses with 5xx`);
  const others = Object.entries(run.statusCodes).filter(([code]) => code !== String(target.expectedStatus) && !code.startsWith("5"));
  if (others.length > 0) failures.push(`${where}: expected ${target.expectedStatus}, got ${others.map(([code, count]) => `${count} × ${code}`).join(", ")}`);
  return failures;
}

/** Compares the after-round RSS of the last round with the first: growth beyond the tolerance reads as a leak. */
function memoryVerdict(baselineRssMb: number, rounds: LoadRound[]): MemoryVerdict {
  const first = rounds[0]?.afterRssMb ?? baselineRssMb;
  const last = rounds[rounds.length - 1]?.afterRssMb ?? baselineRssMb;
  const growthPercent = first > 0 ? round1(((last - first) / first) * 100) : 0;
  const verdict = growthPercent <= GROWTH_TOLERANCE * 100 ? "STABLE" : "GROWS";
  const series = rounds.map((round) => round.afterRssMb.toFixed(1)).join(" → ");
  return {
    verdict,
    growthPercent,
    detail:
      `after round ${rounds.length} ${last.toFixed(1)} MB vs after round 1 ${first.toFixed(1)} MB ` +
      `(${growthPercent >= 0 ? "+" : ""}${growthPercent.toFixed(1)}%, tolerance ${GROWTH_TOLERANCE * 100}%); after each round: ${series} MB; before round 1: ${baselineRssMb.toFixed(1)} MB`,
  };
}

async function warmUp(port: number, targets: LoadTarget[]): Promise<SampleResponse[]> {
  const samples: SampleResponse[] = [];
  for (const target of targets) {
    for (let request = 1; request < WARM_UP_REQUESTS; request += 1) await get(port, target.path);
    const { status, contentEncoding, wireBytes } = await get(port, target.path);
    samples.push({ target: target.name, status, contentEncoding, wireBytes });
  }
  return samples;
}

/**
 * Starts the server, warms it up, runs LOAD_ROUNDS rounds over the targets and
 * always stops the server. Prints one progress line per round.
 */
export async function runLoadTest(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  storeDir: string;
  seedTitle: string | null;
  seconds: number;
  connections: number;
}): Promise<LoadReport> {
  const targets = chooseTargets(options.storeDir, options.seedTitle);
  const server = await startServer(options);
  const foreign = watchForeignBuilds();
  try {
    const sampleResponses = await warmUp(options.port, targets);
    await sleep(SETTLE_MS);
    const baselineRssMb = treeRssMb(server.pid);
    const rounds: LoadRound[] = [];
    const failures: string[] = [];
    for (let round = 1; round <= LOAD_ROUNDS; round += 1) {
      process.stdout.write(`  round ${round}/${LOAD_ROUNDS}:`);
      const runs: TargetRun[] = [];
      for (const target of targets) {
        const run = await hitTarget({ port: options.port, serverPid: server.pid, connections: options.connections, seconds: options.seconds }, target);
        runs.push(run);
        failures.push(...runFailures(round, target, run));
        process.stdout.write(` ${target.name} ${run.requestsPerSecond.toFixed(0)} req/s;`);
      }
      await sleep(SETTLE_MS);
      const afterRssMb = treeRssMb(server.pid);
      rounds.push({ round, runs, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)), afterRssMb });
      console.log(` server RSS after ${afterRssMb.toFixed(0)} MB`);
    }
    return {
      connections: options.connections,
      secondsPerTarget: options.seconds,
      settleS: SETTLE_MS / 1000,
      acceptEncoding: "gzip",
      url: `http://${HOST}:${options.port}`,
      targets,
      serverReadyMs: server.readyMs,
      sampleResponses,
      baselineRssMb,
      rounds,
      memory: memoryVerdict(baselineRssMb, rounds),
      otherBuildsRunning: foreign.stop().length,
      failures,
    };
  } catch (error) {
    throw withServerOutput(error, server.outputTail());
  } finally {
    foreign.stop();
    await server.stop();
  }
}
