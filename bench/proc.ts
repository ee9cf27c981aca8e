/**
 * Child processes for `npm run bench`: runs a command in its own process group,
 * samples the resident memory of its whole process tree from /proc every 100 ms,
 * and makes sure nothing it started outlives the bench.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
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

/** Clock ticks per second for /proc CPU times (100 on every mainstream Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime + cutime + cstime: the process's CPU plus that of children it has already reaped. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
  } catch {
    return 0;
  }
}

/** Busy CPU ticks of the whole machine (all cores), from /proc/stat. */
function machineBusyTicks(): number {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    return total - (values[3] ?? 0) - (values[4] ?? 0);
  } catch {
    return 0;
  }
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over the tree, in kB (shared pages are counted once per process, as `ps` would), and its CPU ticks so far. */
export function treeUsage(root: number): { kb: number; processes: number; cpuTicks: number } {
  const tree = processTree(root);
  return { kb: tree.reduce((sum, pid) => sum + rssKb(pid), 0), processes: tree.length, cpuTicks: tree.reduce((sum, pid) => sum + cpuTicks(pid), 0) };
}

/** RSS of the tree in MB, one decimal. */
export function treeRssMb(root: number): number {
  return Math.round((treeUsage(root).kb / 1024) * 10) / 10;
}

/** Samples the tree's RSS every 100 ms until `stop()`, which returns the peak in MB (at least one sample is taken). */
export function startPeakSampler(root: number): { stop: () => number } {
  let peakMb = treeRssMb(root);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeRssMb(root));
  }, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peakMb, treeRssMb(root));
    },
  };
}

/** Other `next build` processes on the machine: they share the cores and skew the timings. */
function foreignNextBuilds(): number[] {
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

/** Collects the other builds seen from now until `stop()` (polled every 2 s), which returns their pids and may be called again. */
export function watchForeignBuilds(): { stop: () => number[] } {
  const seen = new Set<number>(foreignNextBuilds());
  const timer = setInterval(() => foreignNextBuilds().forEach((pid) => seen.add(pid)), 2000);
  return {
    stop: () => {
      clearInterval(timer);
      return [...seen];
    },
  };
}

function signal(target: number, name: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signals the group and every descendant: `next build` starts its type checker
 * in a session of its own, which a group signal alone would miss.
 */
function signalTree(pid: number, name: NodeJS.Signals): number[] {
  const tree = processTree(pid);
  signal(-pid, name);
  for (const member of tree) signal(member, name);
  return tree;
}

/** Stops a process group started with `detached: true`, and its descendants: TERM, then KILL after a grace period. */
export async function killGroup(pid: number, graceMs = 3000): Promise<void> {
  const tree = signalTree(pid, "SIGTERM");
  const alive = (): boolean => signal(-pid, 0) || tree.some((member) => signal(member, 0));
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) {
    signalTree(pid, "SIGKILL");
    for (const member of tree) signal(member, "SIGKILL");
  }
  liveGroups.delete(pid);
}

/** Synchronous last resort for signal and exit handlers. */
export function killAllGroupsNow(): void {
  for (const pid of liveGroups) signalTree(pid, "SIGKILL");
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
  /** That line itself (kept even when the output ring has dropped it). */
  markText: string | null;
  peakRssBeforeMarkMb: number;
  peakRssAfterMarkMb: number;
  /** CPU seconds used by the tree (user + system, all cores; up to the last sample). */
  cpuS: number;
  /** CPU seconds the rest of the machine used meanwhile: other builds, tests, editors. */
  otherCpuS: number;
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
  let markText: string | null = null;
  let peakKb = 0;
  let peakBefore = 0;
  let peakAfter = 0;
  let peakProcesses = 0;
  let samples = 0;
  let treeTicks = 0;
  const busyAtStart = machineBusyTicks();

  const sample = (): void => {
    const { kb, processes, cpuTicks: ticks } = treeUsage(pid);
    samples += 1;
    treeTicks = Math.max(treeTicks, ticks);
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
      markText = line;
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
  const busyTicks = machineBusyTicks() - busyAtStart;
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
    markText,
    peakRssBeforeMarkMb: mb(peakBefore),
    peakRssAfterMarkMb: mb(peakAfter),
    cpuS: Math.round((treeTicks / CLOCK_TICKS) * 10) / 10,
    otherCpuS: Math.max(0, Math.round(((busyTicks - treeTicks) / CLOCK_TICKS) * 10) / 10),
    output,
  };
}
