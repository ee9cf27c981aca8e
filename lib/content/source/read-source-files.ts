import { promises as fs } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "../problems";
import { isPostFile, POST_EXTENSIONS } from "./post-files";

/** Bodies above this size are refused: no real article is this long, and it protects the build's memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  relativePath: string;
  absolutePath: string;
}

/** Lists every post file under `root`, recursively, sorted by path so builds are deterministic. */
export async function listSourceFiles(root: string): Promise<{ files: SourceFile[]; problems: ContentProblem[] }> {
  const files: SourceFile[] = [];
  const problems: ContentProblem[] = [];
  let rootStat;
  try {
    rootStat = await fs.stat(root);
  } catch {
    problems.push({ file: root, kind: "content-dir", message: `content folder does not exist: ${root} (set CONTENT_DIR or create it)` });
    return { files, problems };
  }
  if (!rootStat.isDirectory()) {
    problems.push({ file: root, kind: "content-dir", message: `content path is not a folder: ${root}` });
    return { files, problems };
  }

  // Real paths of folders already walked, so a symbolic link back up the tree cannot loop.
  const visited = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let realDir: string;
    try {
      realDir = await fs.realpath(dir);
    } catch {
      return;
    }
    if (visited.has(realDir)) return;
    visited.add(realDir);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: relative(dir), kind: "read-error", message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      // Hidden files and folders (.git, .DS_Store, editor swap files) are never posts.
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      // Symbolic links are followed once, so a content folder can link in posts kept elsewhere.
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectoryTarget(full)));
      if (isDirectory) await walk(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isPostFile(entry.name)) {
        files.push({ relativePath: relative(full), absolutePath: full });
      }
    }
  }
  function relative(full: string): string {
    return path.relative(root, full).split(path.sep).join("/") || ".";
  }

  await walk(root);
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: root, kind: "content-dir", message: `content folder has no posts (${POST_EXTENSIONS.join(", ")}): ${root}` });
  }
  return { files, problems };
}

async function isDirectoryTarget(full: string): Promise<boolean> {
  try {
    return (await fs.stat(full)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a file's bytes, refusing what cannot be read or is too large. */
export async function readSourceBytes(file: SourceFile): Promise<Buffer | ContentProblem> {
  try {
    const stat = await fs.stat(file.absolutePath);
    if (stat.size > MAX_FILE_BYTES) {
      return {
        file: file.relativePath,
        kind: "too-large",
        message: `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      };
    }
    return await fs.readFile(file.absolutePath);
  } catch (error) {
    return { file: file.relativePath, kind: "read-error", message: `cannot read file: ${describeFsError(error)}` };
  }
}

function describeFsError(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    const code = error.code;
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "ENOENT") return "file disappeared while reading";
    if (code === "EISDIR") return "is a folder";
    return code;
  }
  return String(error);
}
