/**
 * Real components for the deployment tests, started and stopped by the tests themselves: Debian's
 * `redis-server` on loopback, and copies of one standalone build made the way the README's standalone deploy
 * says (copy `.next/standalone`, `.next/static`, `public`), each started with `node server.js` as a host would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const STANDALONE_DIST = ".next-e2e-standalone";
export const STANDALONE_STORE = ".yuedu/e2e-standalone/store";
const TRACER = path.resolve("e2e/trace-forbidden-modules.cjs");

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** Runs redis-cli against `port` and returns its output. */
export function redisCli(port: number, ...args: string[]): string {
  const run = spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`redis-cli ${args.join(" ")}: ${run.stderr}`);
  return run.stdout.trim();
}

export class RedisServer {
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server on loopback, in memory only; the key-space events the cache handler listens to are on. */
  async start(): Promise<void> {
    if (spawnSync("redis-server", ["--version"]).status !== 0) {
      throw new Error("redis-server is not installed: the shared-cache tests need Debian's redis-server (apt-get install redis-server; .ci/run installs it)");
    }
    this.process = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--notify-keyspace-events", "Exe"],
      { stdio: "ignore" },
    );
    await waitFor("redis-server", async () => redisCli(this.port, "PING") === "PONG", 20_000);
  }

  /** Stops it at once (no save): what an owner sees when the Redis host goes away. */
  async stop(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  }

  keys(pattern = "*"): string[] {
    const out = redisCli(this.port, "--scan", "--pattern", pattern);
    return out === "" ? [] : out.split("\n");
  }
}

/** One host: a copy of the standalone build in a folder of its own, served by `node server.js`. */
export class StandaloneHost {
  readonly dir: string;
  private process: ChildProcess | null = null;
  private output = "";

  constructor(
    readonly name: string,
    readonly port: number,
  ) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `yuedu-host-${name}-`));
    // The README's standalone deploy: the standalone folder, plus the static files and public/ beside it.
    cpSync(path.join(STANDALONE_DIST, "standalone"), this.dir, { recursive: true, verbatimSymlinks: true });
    cpSync(path.join(STANDALONE_DIST, "static"), path.join(this.dir, STANDALONE_DIST, "static"), { recursive: true });
    cpSync("public", path.join(this.dir, "public"), { recursive: true });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get buildId(): string {
    return readFileSync(path.join(this.dir, STANDALONE_DIST, "BUILD_ID"), "utf8").trim();
  }

  /** The pid of `node server.js`, for its memory. */
  get pid(): number {
    const pid = this.process?.pid;
    if (pid === undefined) throw new Error(`host ${this.name} is not running`);
    return pid;
  }

  /** Where Next keeps this host's pages on disk. */
  pagesDir(): string {
    return path.join(this.dir, STANDALONE_DIST, "server", "app");
  }

  async start(env: Record<string, string>): Promise<void> {
    if (!existsSync(path.join(this.dir, "server.js"))) throw new Error(`no server.js in ${this.dir}`);
    this.process = spawn(process.execPath, ["--require", TRACER, "server.js"], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        PORT: String(this.port),
        HOSTNAME: "127.0.0.1",
        YUEDU_STORE_DIR: STANDALONE_STORE,
        SITE_PAGE_SIZE: "5",
        YUEDU_FORBIDDEN_MODULE_LOG: path.resolve(".yuedu/e2e-standalone/forbidden-modules.log"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [this.process.stdout, this.process.stderr]) stream?.on("data", (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)));
    await waitFor(`host ${this.name}`, async () => (await fetch(`${this.url}/`)).status === 200);
  }

  /** What the server printed (the last 20 KB): what an owner sees in its logs. */
  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}
