// @ts-check
/**
 * The page cache every `next start` (or standalone server) uses: `cacheHandler` in next.config.js, loaded by Next
 * itself at request time (CommonJS, so Next can require it as it is). Not used on Vercel, which caches pages at
 * its edge.
 *
 * - Pages the build prerendered are read from the build output, as Next does by default.
 * - Pages rendered on first request go to Redis when `REDIS_URL` is set, shared by every instance and keyed by
 *   the build (a new deployment never serves the previous build's pages); otherwise to the build output on disk,
 *   as Next does by default.
 * - A 404 is never stored. Next would store one per unknown URL of a route with `generateStaticParams` (vercel/next.js
 *   #73101): a crawler asking for millions of made-up slugs would fill the disk, the memory cache or Redis.
 * - Redis that is down or slow costs no request: a read waits at most REDIS_TIMEOUT_MS and counts as a miss (the
 *   page is rendered), a write that fails is dropped, and the client reconnects on its own.
 */
const { readFileSync } = require("node:fs");
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const REDIS_TIMEOUT_MS = 500;

/** @param {unknown} value */
function isNotFound(value) {
  return typeof value === "object" && value !== null && "status" in value && value.status === 404;
}

/**
 * Resolves to `promise`'s value, or to `fallback` once `ms` have passed (the promise is left to settle on its own).
 * @template T
 * @param {Promise<T>} promise
 * @param {T} fallback
 */
function within(promise, fallback, ms = REDIS_TIMEOUT_MS) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** @type {{ get: Function, set: Function, revalidateTag: Function } | null} */
let sharedRedis = null;

/**
 * One Redis handler per process (Next constructs the cache handler more than once), its keys prefixed with this
 * build's id.
 * @param {string} serverDistDir
 */
function redisFor(serverDistDir) {
  if (sharedRedis) return sharedRedis;
  const { RedisStringsHandler } = require("@trieb.work/nextjs-turbo-redis-cache");
  const buildId = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  sharedRedis = new RedisStringsHandler({
    redisUrl: process.env.REDIS_URL,
    database: 0,
    keyPrefix: `yuedu:${buildId}:`,
    getTimeoutMs: REDIS_TIMEOUT_MS,
    // Pages never change within one build: they live until Redis evicts them or their build is long gone.
    defaultStaleAge: 60 * 60 * 24 * 30,
    estimateExpireAge: (/** @type {number} */ staleAge) => staleAge,
  });
  return sharedRedis;
}

module.exports = class PageCache {
  /** @param {any} options what Next hands every cache handler (fs, serverDistDir, flushToDisk, maxMemoryCacheSize…) */
  constructor(options) {
    // Next also builds a cache for proxy.ts, without a build folder: it caches nothing, so neither is needed there.
    const serverDistDir = typeof options?.serverDistDir === "string" ? options.serverDistDir : null;
    this.files = serverDistDir ? new FileSystemCache(options) : null;
    this.redis = serverDistDir && process.env.REDIS_URL ? redisFor(serverDistDir) : null;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    if (this.redis) {
      const shared = await within(this.redis.get(key, ctx), null);
      if (shared) return shared;
    }
    return this.files ? this.files.get(key, ctx) : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (isNotFound(data)) return;
    if (this.redis) {
      await within(this.redis.set(key, data, ctx), undefined);
      return;
    }
    await this.files?.set(key, data, ctx);
  }

  /** @param {string | string[]} tags @param {any} durations */
  async revalidateTag(tags, durations) {
    await Promise.all([this.files?.revalidateTag(tags, durations), this.redis ? within(this.redis.revalidateTag(tags, durations), undefined) : undefined]);
  }

  resetRequestCache() {}
};
