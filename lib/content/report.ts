import type { ContentProblem, ContentWarning } from "./problems";

/**
 * Control characters from file names and quoted front matter are shown as escapes: printed raw, an
 * ESC sequence in a hostile post could rewrite the owner's terminal (clear it, hide lines, retitle it).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}

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
    lines.push(`  ${printable(file)}${line !== undefined ? `:${line}` : ""}`);
    for (const problem of list) lines.push(`    - ${printable(problem.message)}`);
  }
  return lines.join("\n");
}

export function formatWarnings(warnings: ContentWarning[]): string {
  return warnings.map((warning) => `  ${printable(warning.file)}: ${printable(warning.message)}`).join("\n");
}
