/**
 * `next build` with NEXT_DIST_DIR=.next-bench-N rewrites tsconfig.json (adds
 * `.next-bench-N/types/**` to `include`) and next-env.d.ts (imports from that
 * folder). The bench deletes those folders, so it puts both files back after
 * every build — touching only what the bench build itself changed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const BENCH_DIST = /(^|\/)\.next-bench-/;

export class ProjectFileGuard {
  private readonly tsconfig: string | null;
  private readonly nextEnv: string | null;

  constructor(private readonly root: string) {
    this.tsconfig = read(path.join(root, "tsconfig.json"));
    this.nextEnv = read(path.join(root, "next-env.d.ts"));
  }

  /** Puts tsconfig.json and next-env.d.ts back; returns a note for each file it had to touch. */
  restore(): string[] {
    return [this.restoreTsconfig(), this.restoreNextEnv()].filter((note): note is string => note !== null);
  }

  private restoreTsconfig(): string | null {
    const file = path.join(this.root, "tsconfig.json");
    const current = read(file);
    if (current === null || this.tsconfig === null || current === this.tsconfig) return null;
    let now: { include?: unknown };
    let before: unknown;
    try {
      now = JSON.parse(current) as { include?: unknown };
      before = JSON.parse(this.tsconfig);
    } catch {
      return current.includes(".next-bench-") ? "tsconfig.json mentions .next-bench-* but is not plain JSON; left as is" : null;
    }
    if (!Array.isArray(now.include) || !now.include.some((entry) => typeof entry === "string" && BENCH_DIST.test(entry))) return null;
    const cleaned = { ...now, include: now.include.filter((entry) => !(typeof entry === "string" && BENCH_DIST.test(entry))) };
    if (JSON.stringify(cleaned) === JSON.stringify(before)) {
      writeFileSync(file, this.tsconfig);
      return null;
    }
    // Someone else changed it meanwhile: keep their change, drop only the bench entries.
    writeFileSync(file, `${JSON.stringify(cleaned, null, 2)}\n`);
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

function read(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}
