/**
 * Page weight for `npm run bench`: starts `next start` on loopback against a
 * bench build, fetches one seed-like article and every script it loads, and
 * splits the JavaScript into framework chunks and our own client islands.
 */
import http from "node:http";
import zlib from "node:zlib";
import { THEME_STORAGE_KEY } from "../lib/site/theme";
import { ContentStore } from "../lib/store/read-store";
import { killGroup, spawnGroup } from "./proc";

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 90_000;
const REQUEST_TIMEOUT_MS = 20_000;
/** Output chunks of `next start` kept for error messages. */
const LOG_CHUNKS = 200;

/** Strings that only our islands contain (toc-tracker, entity-hover-cards, theme-toggle). */
const OUR_MARKERS = ["entity-popover", "data-toc-target", THEME_STORAGE_KEY];

export interface Fetched {
  status: number;
  /** Bytes as sent over the wire (compressed when the server compressed). */
  wireBytes: number;
  contentEncoding: string | null;
  body: Buffer;
}

export interface ScriptInfo {
  src: string;
  class: "ours" | "framework";
  markers: string[];
  rawBytes: number;
  gzipBytes: number;
  wireBytes: number;
  contentEncoding: string | null;
}

export interface PageReport {
  url: string;
  slug: string;
  title: string;
  status: number;
  html: { rawBytes: number; gzipBytes: number; wireBytes: number; contentEncoding: string | null; inlineScripts: number; inlineScriptBytes: number };
  scripts: ScriptInfo[];
  totals: Record<"ours" | "framework" | "all", { count: number; rawBytes: number; gzipBytes: number }>;
  /** Module-level estimate of our own code inside the "ours" chunks (see `ourModules`). */
  oursModules: { count: number; rawBytes: number; gzipBytes: number };
  serverReadyMs: number;
}

/** GET over loopback with `Accept-Encoding: gzip`; counts wire bytes and decodes the body. */
export function get(port: number, pathname: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: HOST, port, path: pathname, headers: { "accept-encoding": "gzip" }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const wire = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"] ?? null;
        try {
          const body = encoding === "gzip" ? zlib.gunzipSync(wire) : encoding === "br" ? zlib.brotliDecompressSync(wire) : wire;
          resolve({ status: response.statusCode ?? 0, wireBytes: wire.length, contentEncoding: encoding, body });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${pathname} timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

export function gzip9(data: Buffer): number {
  return zlib.gzipSync(data, { level: 9 }).length;
}

/**
 * Every `<script src="…">` a current browser loads, in document order, entities in the attribute decoded.
 * `nomodule` scripts (Next's polyfills, 110 KB) are left out: browsers with modules never fetch them.
 */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)')[^>]*>/gi)) {
    if (/\bnomodule\b/i.test(match[0])) continue;
    const src = (match[1] ?? match[2] ?? "").replace(/&amp;/g, "&");
    if (src !== "" && !sources.includes(src)) sources.push(src);
  }
  return sources;
}

function inlineScripts(html: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    count += 1;
    bytes += Buffer.byteLength(match[1] ?? "");
  }
  return { count, bytes };
}

/** "ours" when the chunk holds one of our islands' marker strings; everything else is framework. */
export function classifyChunk(text: string): { class: "ours" | "framework"; markers: string[] } {
  const markers = OUR_MARKERS.filter((marker) => text.includes(marker));
  // aria-current on its own is React DOM's attribute list; it only counts next to the TOC tracker.
  if (markers.includes("data-toc-target") && text.includes("aria-current")) markers.push("aria-current");
  return { class: markers.length > 0 ? "ours" : "framework", markers };
}

/**
 * A chunk marked "ours" also carries whatever Turbopack bundled with our island
 * (next/link and friends, for the header's theme toggle). Turbopack chunks are
 * lists of `id,factory` pairs: counting only the factories with a marker or with
 * Chinese UI text (framework code has none) estimates our own share.
 */
export function ourModules(text: string): string[] {
  const starts = [...text.matchAll(/[,[]\d+,(?:\([a-z,]*\)|[a-z])=>\{/g)].map((match) => match.index);
  return starts
    .map((start, index) => text.slice(start, starts[index + 1] ?? text.length))
    .filter((module) => OUR_MARKERS.some((marker) => module.includes(marker)) || /[\u4e00-\u9fff]/.test(module));
}

/** The first article in the store whose title is `title` (the generated seed-like post). */
export function findSlug(storeDir: string, title: string): { slug: string; title: string } {
  const store = ContentStore.open(storeDir);
  const articles = Array.from(store.summariesBetween(0, store.articleCount));
  store.close();
  const chosen = articles.find((article) => article.title === title) ?? articles.find((article) => title.startsWith(article.title)) ?? articles[0];
  if (!chosen) throw new Error(`no article in the store at ${storeDir}`);
  return { slug: chosen.slug, title: chosen.title };
}

async function waitUntilReady(port: number, exited: () => boolean): Promise<number> {
  const started = Date.now();
  // Bounded by READY_TIMEOUT_MS.
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited()) throw new Error("next start exited before it answered");
    try {
      const response = await get(port, "/", 2000);
      if (response.status > 0) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on http://${HOST}:${port}/ within ${READY_TIMEOUT_MS / 1000} s`);
}

async function portInUse(port: number): Promise<boolean> {
  try {
    await get(port, "/", 1000);
    return true;
  } catch (error) {
    return !(error instanceof Error && "code" in error && (error as NodeJS.ErrnoException).code === "ECONNREFUSED");
  }
}

export interface RunningServer {
  /** The process group of `next start`, for memory sampling. */
  pid: number;
  readyMs: number;
  /** The server's last output lines, for error messages. */
  outputTail: () => string;
  stop: () => Promise<void>;
}

/** The error, with the server's last output lines appended when there are any. */
export function withServerOutput(error: unknown, tail: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}${tail.trim() ? `\nnext start output:\n${tail}` : ""}`);
}

/**
 * Starts `next start` on 127.0.0.1 and waits until it answers. The local bin is
 * exec'd directly (not through npx) so the process tree is the server alone and
 * its memory is not inflated by npm's own process. `appDir` serves another Next app than the project (a
 * folder inside `cwd`, such as the naive baseline's).
 */
export async function startServer(options: { cwd: string; env: NodeJS.ProcessEnv; port: number; appDir?: string }): Promise<RunningServer> {
  if (await portInUse(options.port)) throw new Error(`port ${options.port} on ${HOST} is already in use; set BENCH_PORT to another port`);
  const app = options.appDir === undefined ? "" : ` '${options.appDir.replace(/'/g, "'\\''")}'`;
  const server = spawnGroup(`exec node_modules/.bin/next start${app} -p ${options.port} -H ${HOST}`, options.env, options.cwd);
  const pid = server.pid;
  if (pid === undefined) throw new Error("could not start next start");
  let exited = false;
  const log: string[] = [];
  server.on("exit", () => {
    exited = true;
  });
  for (const stream of [server.stdout, server.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      log.push(chunk.toString("utf8"));
      // Bounded: a server logging an error per request under load must not grow the bench's memory.
      if (log.length > LOG_CHUNKS) log.shift();
    });
  }
  const outputTail = (): string => log.join("").split("\n").slice(-20).join("\n");
  const stop = (): Promise<void> => killGroup(pid);
  try {
    return { pid, readyMs: await waitUntilReady(options.port, () => exited), outputTail, stop };
  } catch (error) {
    await stop();
    throw withServerOutput(error, outputTail());
  }
}

/** Starts the server, measures the article page and its scripts, and always stops the server. */
export async function measurePage(options: { cwd: string; env: NodeJS.ProcessEnv; port: number; storeDir: string; seedTitle: string }): Promise<PageReport> {
  const { slug, title } = findSlug(options.storeDir, options.seedTitle);
  const server = await startServer(options);
  try {
    const pathname = `/articles/${encodeURIComponent(slug)}`;
    const page = await get(options.port, pathname);
    if (page.status !== 200) throw new Error(`GET ${pathname} answered ${page.status}`);
    const html = page.body.toString("utf8");
    const inline = inlineScripts(html);
    const scripts: ScriptInfo[] = [];
    const ownModules: string[] = [];
    for (const src of scriptSources(html)) {
      const url = new URL(src, `http://${HOST}:${options.port}${pathname}`);
      if (url.host !== `${HOST}:${options.port}`) continue; // never leave loopback
      const fetched = await get(options.port, url.pathname + url.search);
      if (fetched.status !== 200) throw new Error(`GET ${src} answered ${fetched.status}`);
      const text = fetched.body.toString("utf8");
      const classified = classifyChunk(text);
      if (classified.class === "ours") ownModules.push(...ourModules(text));
      scripts.push({ src, ...classified, rawBytes: fetched.body.length, gzipBytes: gzip9(fetched.body), wireBytes: fetched.wireBytes, contentEncoding: fetched.contentEncoding });
    }
    const total = (list: ScriptInfo[]) => ({ count: list.length, rawBytes: list.reduce((s, x) => s + x.rawBytes, 0), gzipBytes: list.reduce((s, x) => s + x.gzipBytes, 0) });
    return {
      url: `http://${HOST}:${options.port}${pathname}`,
      slug,
      title,
      status: page.status,
      html: { rawBytes: page.body.length, gzipBytes: gzip9(page.body), wireBytes: page.wireBytes, contentEncoding: page.contentEncoding, inlineScripts: inline.count, inlineScriptBytes: inline.bytes },
      scripts,
      totals: { ours: total(scripts.filter((s) => s.class === "ours")), framework: total(scripts.filter((s) => s.class === "framework")), all: total(scripts) },
      oursModules: { count: ownModules.length, rawBytes: Buffer.byteLength(ownModules.join("")), gzipBytes: gzip9(Buffer.from(ownModules.join(""))) },
      serverReadyMs: server.readyMs,
    };
  } catch (error) {
    throw withServerOutput(error, server.outputTail());
  } finally {
    await server.stop();
  }
}
