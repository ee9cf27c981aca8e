import type { ContentProblem } from "../problems";

export interface DecodedFile {
  text: string;
  bytes: Buffer;
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
