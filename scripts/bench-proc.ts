/**
 * Child processes for `npm run bench`: runs a command in its own process group,
 * samples the resident memory of its whole process tree from /proc every 100 ms,
 * and makes sure nothing it started outlives the bench.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const SAMPLE_MS = 100;
/** Process groups still running; killed on exit, Ctrl-C or a failure. */
const liveGroups = new Set<number>();

/** Parent pid of every process, read from /proc/<pid>/stat (the name may hold spaces and parentheses). */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return children;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited between readdir and read
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

/** The root and all its descendants. */
export function processTree(root: number): number[] {
  const children = parentMap();
  const tree: number[] = [];
  const pending = [root];
  const seen = new Set<number>();
  // Bounded: each pid is visited once.
  while (pending.length > 0) {
    const pid = pending.pop();
    if (pid === undefined || seen.has(pid)) continue;
    seen.add(pid);
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over the tree, in kB (shared pages are counted once per process, as `ps` would). */
export function treeRssKb(root: number): { kb: number; processes: number } {
  const tree = processTree(root);
  return { kb: tree.reduce((sum, pid) => sum + rssKb(pid), 0), processes: tree.length };
}

/** Other `next build` processes on the machine: they share the cores and skew the timings. */
export function foreignNextBuilds(): number[] {
  const found: number[] = [];
  const ours = new Set<number>([process.pid, ...[...liveGroups].flatMap((pid) => processTree(pid))]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || ours.has(Number(entry))) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      if (/\bnext(\.js)? build\b|build-content\.ts/.test(cmdline)) found.push(Number(entry));
    } catch {
      // gone
    }
  }
  return found;
}

/** Kills a process group started with `detached: true`: TERM, then KILL after a grace period. */
export async function killGroup(pid: number, graceMs = 3000): Promise<void> {
  const alive = (): boolean => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    liveGroups.delete(pid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  liveGroups.delete(pid);
}

/** Synchronous last resort for process exit handlers. */
export function killAllGroupsNow(): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
}

/** Starts `bash -c command` in its own process group, remembered for cleanup. */
export function spawnGroup(command: string, env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn("bash", ["-c", command], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  child.on("exit", () => {
    if (child.pid !== undefined) liveGroups.delete(child.pid);
  });
  return child;
}

export interface MeasuredRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallMs: number;
  peakRssMb: number;
  peakProcesses: number;
  samples: number;
  /** When the first line matching `markLine` was printed, ms after the start (null if never). */
  markMs: number | null;
  peakRssBeforeMarkMb: number;
  peakRssAfterMarkMb: number;
  output: string[];
}

/**
 * Runs `command` to completion (or until `timeoutMs`), sampling the memory of
 * its process tree. Output is kept (the last `keepLines` lines) and passed to `onLine`.
 */
export async function runMeasured(options: {
  command: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
  markLine: RegExp;
  keepLines?: number;
  onLine?: (line: string) => void;
}): Promise<MeasuredRun> {
  const keep = options.keepLines ?? 400;
  const started = performance.now();
  const child = spawnGroup(options.command, options.env, options.cwd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start: ${options.command}`);
  const output: string[] = [];
  let markMs: number | null = null;
  let peakKb = 0;
  let peakBefore = 0;
  let peakAfter = 0;
  let peakProcesses = 0;
  let samples = 0;

  const sample = (): void => {
    const { kb, processes } = treeRssKb(pid);
    samples += 1;
    peakKb = Math.max(peakKb, kb);
    peakProcesses = Math.max(peakProcesses, processes);
    if (markMs === null) peakBefore = Math.max(peakBefore, kb);
    else peakAfter = Math.max(peakAfter, kb);
  };
  const onData = (stream: NodeJS.ReadableStream): void => {
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) handleLine(line);
    });
    stream.on("end", () => {
      if (partial !== "") handleLine(partial);
    });
  };
  const handleLine = (line: string): void => {
    if (markMs === null && options.markLine.test(line)) {
      sample(); // the content step's peak ends here
      markMs = performance.now() - started;
    }
    output.push(line);
    if (output.length > keep) output.shift();
    options.onLine?.(line);
  };
  if (child.stdout) onData(child.stdout);
  if (child.stderr) onData(child.stderr);

  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    void killGroup(pid);
  }, options.timeoutMs);

  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) => {
    child.on("close", (code, sig) => resolve([code, sig]));
  });
  const wallMs = performance.now() - started;
  clearInterval(timer);
  clearTimeout(timeout);
  // bash has exited; anything it left behind in the group goes too.
  await killGroup(pid, 1000);
  const mb = (kb: number): number => Math.round((kb / 1024) * 10) / 10;
  return {
    exitCode,
    signal,
    timedOut,
    wallMs,
    peakRssMb: mb(peakKb),
    peakProcesses,
    samples,
    markMs,
    peakRssBeforeMarkMb: mb(peakBefore),
    peakRssAfterMarkMb: mb(peakAfter),
    output,
  };
}
