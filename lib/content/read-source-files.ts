import { promises as fs } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./types";

/** File endings that hold posts; everything else in the folder (images, notes) is left alone. */
export const POST_EXTENSIONS = [".md", ".markdown", ".html", ".txt"] as const;

/** Bodies above this size are refused: no real article is this long, and it protects the build's memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  relativePath: string;
  absolutePath: string;
}

export interface DecodedFile {
  text: string;
  bytes: Buffer;
}

function isPostFile(name: string): boolean {
  const lower = name.toLowerCase();
  return POST_EXTENSIONS.some((ending) => lower.endsWith(ending));
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

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 (BOM and CRLF accepted); explains binary or mis-encoded files instead of mangling them. */
export function decodeSourceText(relativePath: string, bytes: Buffer): DecodedFile | ContentProblem {
  if (bytes.length === 0) return emptyFile(relativePath);
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { file: relativePath, kind: "binary", message: "file is binary (it contains NUL bytes), not a text post" };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { file: relativePath, kind: "encoding", ...describeEncodingProblem(bytes) };
  }
  // Checked after decoding so a file holding only a BOM (Notepad saves empty files so) or blank lines counts as empty too.
  if (text.trim() === "") return emptyFile(relativePath);
  // TextDecoder drops a leading BOM already; CRLF and lone CR become LF so every later step sees one form.
  text = text.replace(/\r\n?/g, "\n");
  return { text, bytes };
}

function emptyFile(relativePath: string): ContentProblem {
  return { file: relativePath, kind: "empty", message: "file is empty" };
}

function describeEncodingProblem(bytes: Buffer): { message: string; line: number } {
  const offset = firstInvalidUtf8Offset(bytes);
  const line = bytes.subarray(0, offset).toString("latin1").split("\n").length;
  const guess = guessLegacyEncoding(bytes);
  const hint = guess
    ? `; it looks like ${guess} — convert it, e.g. \`iconv -f ${guess} -t UTF-8\``
    : "";
  return { message: `bytes are not valid UTF-8 (first bad byte at offset ${offset}, line ${line})${hint}`, line };
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on prefixes; a prefix cut inside a multi-byte sequence is tolerated with `stream`.
  const streaming = new TextDecoder("utf-8", { fatal: true });
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      streaming.decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
    try {
      // Flush: a prefix cut inside a character leaves the decoder mid-sequence.
      streaming.decode(new Uint8Array(0));
    } catch {
      // that unfinished sequence is expected here
    }
  }
  return low;
}

function guessLegacyEncoding(bytes: Buffer): string | null {
  for (const encoding of ["gb18030", "big5", "shift_jis"] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      // A real Chinese/Japanese text decodes to mostly CJK characters, not to symbols.
      const cjk = text.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
      const high = bytes.filter((byte) => byte >= 0x80).length;
      if (cjk > 0 && cjk * 2 >= high * 0.8) return encoding === "gb18030" ? "GBK" : encoding.toUpperCase();
    } catch {
      // not this encoding
    }
  }
  return null;
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
