/**
 * Several Node hosts, one cache: two copies of one standalone build (as the README's standalone deploy makes
 * them) share the pages they render on demand through a real Redis server, started here. A page only one host
 * rendered is served by the other from Redis; entries belong to their build; Redis going away costs no request
 * and is used again when it returns; and a flood of unknown URLs stores nothing, in Redis or on disk.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, readStoredArticles, test } from "../fixtures";
import { freePort, RedisServer, rssMb, STANDALONE_DIST, STANDALONE_STORE, StandaloneHost } from "./hosts";

const built = existsSync(path.join(STANDALONE_DIST, "standalone", "server.js"));
const SAMPLE_DIST = ".next-e2e-sample";
const SAMPLE_BUILD_ID = existsSync(path.join(SAMPLE_DIST, "BUILD_ID")) ? readFileSync(path.join(SAMPLE_DIST, "BUILD_ID"), "utf8").trim() : "";
/** e2e/prepare.sh builds the standalone site with only this many articles prebuilt. */
const PREBUILT_ARTICLES = 3;

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

const articlePath = (slug: string): string => `/articles/${encodeURIComponent(slug)}`;

test.describe("two standalone hosts sharing one Redis", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!built, "the standalone site is built by e2e/prepare.sh");
  test.setTimeout(180_000);

  let redis: RedisServer;
  let hostA: StandaloneHost;
  let hostB: StandaloneHost;
  const onDemand = built ? readStoredArticles(STANDALONE_STORE).slice(PREBUILT_ARTICLES) : [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    redis = new RedisServer(await freePort());
    await redis.start();
    hostA = new StandaloneHost("a", await freePort());
    hostB = new StandaloneHost("b", await freePort());
    await Promise.all([hostA.start({ REDIS_URL: redis.url }), hostB.start({ REDIS_URL: redis.url })]);
  });

  test.afterAll(async () => {
    await Promise.all([hostA?.stop(), hostB?.stop(), redis?.stop()]);
    hostA?.remove();
    hostB?.remove();
  });

  test("a page host A rendered on first request is served by host B from Redis, without B rendering it", async ({ request }) => {
    expect(onDemand.length).toBeGreaterThanOrEqual(6);
    const page = articlePath(onDemand[0]?.slug ?? "");
    const first = await request.get(`${hostA.url}${page}`);
    expect(first.status()).toBe(200);
    expect(first.headers()["x-nextjs-cache"]).toBe("MISS");
    await expect.poll(() => redis.keys().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const fromB = await request.get(`${hostB.url}${page}`);
    expect(fromB.status()).toBe(200);
    expect(fromB.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await fromB.text()).toBe(await first.text());
    // Nothing of it was written to either host's disk: Redis holds the on-demand pages.
    for (const host of [hostA, hostB]) expect(existsSync(path.join(host.pagesDir(), "articles", `${onDemand[0]?.slug}.html`))).toBe(false);
  });

  test("entries belong to their build: a new deployment never serves the previous build's pages", async ({ request }) => {
    expect(redis.keys().every((key) => key.startsWith(`yuedu:${hostA.buildId}:`))).toBe(true);
    // Another build of the same site: the same files but another build id, as every `next build` makes.
    const next = new StandaloneHost("next-build", await freePort());
    try {
      writeFileSync(path.join(next.dir, STANDALONE_DIST, "BUILD_ID"), `${hostA.buildId}-next`);
      await next.start({ REDIS_URL: redis.url });
      const response = await request.get(`${next.url}${articlePath(onDemand[0]?.slug ?? "")}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["x-nextjs-cache"]).toBe("MISS");
    } finally {
      await next.stop();
      next.remove();
    }
  });

  test("Redis stopping mid-run costs no request, and once it is back it is used again", async ({ request }) => {
    await redis.stop();
    const pages = [onDemand[0], onDemand[1], onDemand[2]].map((article) => articlePath(article?.slug ?? ""));
    for (const page of [...pages, "/", "/categories"]) {
      for (const host of [hostA, hostB]) {
        const response = await request.get(`${host.url}${page}`, { timeout: 10_000 });
        expect(response.status(), `${host.name} ${page} while Redis is down`).toBe(200);
      }
    }
    await redis.start();
    // The clients reconnect on their own: a page A renders now reaches B through Redis again.
    const page = articlePath(onDemand[3]?.slug ?? "");
    expect((await request.get(`${hostA.url}${page}`)).status()).toBe(200);
    await expect
      .poll(async () => (await request.get(`${hostB.url}${page}`)).headers()["x-nextjs-cache"], { timeout: 30_000, intervals: [1_000] })
      .toBe("HIT");
  });

  test("a flood of unknown article URLs stores nothing: Redis, disk and memory stay flat", async ({ request }) => {
    const ask = async (from: number, count: number): Promise<void> => {
      for (let at = from; at < from + count; at += 1) {
        const response = await request.get(`${hostA.url}/articles/no-such-article-${at}-${Math.random().toString(36).slice(2)}`);
        expect(response.status()).toBe(404);
      }
    };
    const keys = redis.keys().length;
    const files = countFiles(hostA.pagesDir());
    // The first few hundred requests grow the heap and the JIT's code whatever is cached (measured: +35 MB over
    // the first 500, then +6 MB over the next 3,000); memory is compared after that.
    await ask(0, 600);
    const settled = rssMb(hostA.pid);
    await ask(600, 2_000);
    expect(redis.keys().length).toBe(keys);
    expect(countFiles(hostA.pagesDir())).toBe(files);
    // A stored 404 page holds ~10 KB of HTML and payload: 2,000 of them would add ~20 MB.
    expect(rssMb(hostA.pid) - settled).toBeLessThan(15);
  });
});

test.describe("a page rendered on first request", () => {
  test.skip(!built, "the standalone site is built by e2e/prepare.sh");

  test("is the page a full prerender makes: on-demand HTML equals the prebuilt site's, but for the build's own ids", async ({ request, baseURL }) => {
    test.skip(!baseURL, "needs the sample site");
    const host = new StandaloneHost("compare", await freePort());
    try {
      await host.start({});
      for (const article of onDemandArticles()) {
        const prebuilt = await request.get(`${baseURL}${articlePath(article.slug)}`);
        const onDemand = await request.get(`${host.url}${articlePath(article.slug)}`);
        expect(prebuilt.headers()["x-nextjs-cache"]).toBe("HIT");
        expect(onDemand.headers()["x-nextjs-cache"]).toBe("MISS");
        expect(normalize(await onDemand.text(), host.buildId), article.slug).toBe(normalize(await prebuilt.text(), SAMPLE_BUILD_ID));
      }
    } finally {
      await host.stop();
      host.remove();
    }
  });

  test("of an unknown slug is a 404, and is not stored on disk (no Redis)", async ({ request, baseURL }) => {
    const pagesDir = path.join(SAMPLE_DIST, "server", "app", "articles");
    const before = countFiles(pagesDir);
    for (let at = 0; at < 100; at += 1) expect((await request.get(`${baseURL}/articles/unknown-${at}-${Date.now()}`)).status()).toBe(404);
    expect(countFiles(pagesDir)).toBe(before);
  });
});

function onDemandArticles(): { slug: string }[] {
  return readStoredArticles(STANDALONE_STORE).slice(PREBUILT_ARTICLES);
}

/** What two builds of the same code and content tell apart by themselves: their build ids and chunk file names. */
function normalize(html: string, buildId: string): string {
  return html.replaceAll(buildId, "BUILD_ID").replace(/\/_next\/static\/chunks\/[\w.~-]+\.(js|css)/g, "CHUNK");
}
