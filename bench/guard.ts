/**
 * `next build` with NEXT_DIST_DIR=.next-bench-N (or .next-bench-load) rewrites
 * tsconfig.json (adds `.next-bench-N/types/**` to `include`) and next-env.d.ts
 * (imports from that folder). The bench deletes those folders, so it puts both
 * files back after every build — touching only what the bench build itself changed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const BENCH_DIST = /(^|\/)\.next-bench-/;

export class ProjectFileGuard {
  private tsconfig: string | null;
  private nextEnv: string | null;

  constructor(private readonly root: string) {
    // A bench killed with SIGKILL cannot clean up: start from the files without its traces.
    this.tsconfig = read(path.join(root, "tsconfig.json"));
    this.nextEnv = read(path.join(root, "next-env.d.ts"));
    const cleanedTsconfig = this.tsconfig === null ? null : withoutBenchIncludes(this.tsconfig);
    if (cleanedTsconfig !== null) {
      this.tsconfig = cleanedTsconfig;
      writeFileSync(path.join(root, "tsconfig.json"), cleanedTsconfig);
    }
    if (this.nextEnv !== null && this.nextEnv.includes(".next-bench-")) {
      this.nextEnv = this.nextEnv.replace(/\.next-bench-[\w-]+\//g, ".next/");
      writeFileSync(path.join(root, "next-env.d.ts"), this.nextEnv);
    }
  }

  /** Puts tsconfig.json and next-env.d.ts back; returns a note for each file it had to touch. */
  restore(): string[] {
    return [this.restoreTsconfig(), this.restoreNextEnv()].filter((note): note is string => note !== null);
  }

  private restoreTsconfig(): string | null {
    const file = path.join(this.root, "tsconfig.json");
    const current = read(file);
    if (current === null || this.tsconfig === null || current === this.tsconfig) return null;
    const cleaned = withoutBenchIncludes(current);
    if (cleaned === null) {
      return current.includes(".next-bench-") ? "tsconfig.json mentions .next-bench-* but is not plain JSON; left as is" : null;
    }
    if (sameJson(cleaned, this.tsconfig)) {
      writeFileSync(file, this.tsconfig);
      return null;
    }
    // Someone else changed it meanwhile: keep their change, drop only the bench entries.
    writeFileSync(file, cleaned);
    return "tsconfig.json changed during the bench; removed only the .next-bench-* include entries";
  }

  private restoreNextEnv(): string | null {
    const file = path.join(this.root, "next-env.d.ts");
    const current = read(file);
    if (current === null || current === this.nextEnv || !current.includes(".next-bench-")) return null;
    if (this.nextEnv === null) rmSync(file, { force: true });
    else writeFileSync(file, this.nextEnv);
    return null;
  }
}

/** The tsconfig text without `.next-bench-*` include entries, or null when it has none (or is not plain JSON). */
function withoutBenchIncludes(text: string): string | null {
  let config: { include?: unknown };
  try {
    config = JSON.parse(text) as { include?: unknown };
  } catch {
    return null;
  }
  if (!Array.isArray(config.include) || !config.include.some((entry) => typeof entry === "string" && BENCH_DIST.test(entry))) return null;
  const include = config.include.filter((entry) => !(typeof entry === "string" && BENCH_DIST.test(entry)));
  return `${JSON.stringify({ ...config, include }, null, 2)}\n`;
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

function read(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}
