import type { ContentProblem, ContentWarning } from "./types";

/** Formats problems for the terminal: grouped by file, every problem listed, no stack traces. */
export function formatProblems(problems: ContentProblem[]): string {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    const line = list.find((problem) => problem.line !== undefined)?.line;
    lines.push(`  ${file}${line !== undefined ? `:${line}` : ""}`);
    for (const problem of list) lines.push(`    - ${problem.message}`);
  }
  return lines.join("\n");
}

export function formatWarnings(warnings: ContentWarning[]): string {
  return warnings.map((warning) => `  ${warning.file}: ${warning.message}`).join("\n");
}
