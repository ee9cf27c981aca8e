/** What the build tells the site owner about their files: problems stop a file, warnings do not. */

export type ProblemKind =
  | "read-error"
  | "empty"
  | "binary"
  | "encoding"
  | "no-front-matter"
  | "yaml"
  | "front-matter-shape"
  | "title"
  | "date"
  | "categories"
  | "tags"
  | "author"
  | "slug"
  | "duplicate-url"
  | "too-large"
  | "body"
  | "content-dir";

/** One thing wrong with one file, phrased for the site owner. */
export interface ContentProblem {
  /** Path relative to the content folder (or the folder itself for folder-level problems). */
  file: string;
  kind: ProblemKind;
  message: string;
  line?: number;
}

/** A non-fatal remark: the file builds, but the owner may want to fix it. */
export interface ContentWarning {
  file: string;
  message: string;
}

/** Files that failed validation: a set, so a file with several problems counts once. */
export function invalidFiles(problems: ContentProblem[]): Set<string> {
  return new Set(problems.filter((problem) => problem.kind !== "content-dir").map((problem) => problem.file));
}
