/**
 * Serving a big build with `next start`, as an archive's readers meet it: the first request of articles that
 * were not prebuilt (each renders on demand, then is cached), sequential, with their latency; then many
 * requests to random articles, after which the server's memory is read.
 */
import { urls } from "../lib/site/urls";
import { ContentStore } from "../lib/store/read-store";
import { get, startServer, withServerOutput } from "./page";
import { treeRssMb } from "./proc";
import { seededRandom } from "../lib/util/seeded-random";


export interface ServeReport {
  articles: number;
  prebuiltArticles: number;
  firstRequests: { count: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; statuses: Record<string, number> };
  randomRequests: { count: number; concurrency: number; seconds: number; statuses: Record<string, number> };
  rssAfterStartMb: number;
  rssAfterRandomMb: number;
  failures: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Starts the server on the build in `env`, asks for `firstCount` articles that were not prebuilt (one at a
 * time, each once), then `randomCount` random articles with `concurrency` requests at a time; always stops the server.
 */
export async function measureServing(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  storeDir: string;
  prebuiltArticles: number;
  firstCount: number;
  randomCount: number;
  concurrency: number;
}): Promise<ServeReport> {
  const store = ContentStore.open(options.storeDir);
  const total = store.articleCount;
  const random = seededRandom(total);
  const pathOf = (id: number): string => urls.article(store.summary(id)?.slug ?? "");
  // Distinct articles past the prebuilt ones, spread over the archive.
  const notPrebuilt = total - options.prebuiltArticles;
  const firstIds = new Set<number>();
  while (firstIds.size < Math.min(options.firstCount, notPrebuilt)) firstIds.add(options.prebuiltArticles + Math.floor(random() * notPrebuilt));
  const firstPaths = Array.from(firstIds, pathOf);
  const randomPaths = Array.from({ length: options.randomCount }, () => pathOf(Math.floor(random() * total)));
  store.close();

  const server = await startServer(options);
  const failures: string[] = [];
  const count = (statuses: Record<string, number>, status: number): void => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  try {
    const rssAfterStartMb = treeRssMb(server.pid);
    const latencies: number[] = [];
    const firstStatuses: Record<string, number> = {};
    for (const path of firstPaths) {
      const started = performance.now();
      const response = await get(options.port, path);
      latencies.push(performance.now() - started);
      count(firstStatuses, response.status);
      if (response.status !== 200) failures.push(`first request of ${decodeURI(path)}: ${response.status}`);
    }
    latencies.sort((a, b) => a - b);

    const randomStatuses: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < randomPaths.length) {
          const path = randomPaths[next] ?? "/";
          next += 1;
          const response = await get(options.port, path);
          count(randomStatuses, response.status);
          if (response.status >= 500) failures.push(`${decodeURI(path)}: ${response.status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      articles: total,
      prebuiltArticles: options.prebuiltArticles,
      firstRequests: {
        count: latencies.length,
        p50Ms: round1(percentile(latencies, 50)),
        p95Ms: round1(percentile(latencies, 95)),
        p99Ms: round1(percentile(latencies, 99)),
        maxMs: round1(latencies.at(-1) ?? 0),
        statuses: firstStatuses,
      },
      randomRequests: { count: randomPaths.length, concurrency: options.concurrency, seconds: round1(seconds), statuses: randomStatuses },
      rssAfterStartMb,
      rssAfterRandomMb: treeRssMb(server.pid),
      failures,
    };
  } catch (error) {
    throw withServerOutput(error, server.outputTail());
  } finally {
    await server.stop();
  }
}
