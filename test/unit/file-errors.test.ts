import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { decodeSourceText } from "../../lib/content/source/decode-source";
import { OPTIONS, SHARED_DIR, expectProblems, post } from "./helpers";

const BROKEN_CORPUS_FILE = `post/二次元/AGE 动漫 - 番剧详情/"""""""'第1集'""""""".md`;
const brokenCorpusPath = path.join(SHARED_DIR, "corpus/rsshub-sample", BROKEN_CORPUS_FILE);
let brokenCorpusBytes: Buffer | null = null;
try {
  brokenCorpusBytes = readFileSync(brokenCorpusPath);
} catch {
  brokenCorpusBytes = null;
}

/** '中文' in GBK; not valid UTF-8. */
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
const gbkBody = (repeats: number) => Buffer.from(Array.from({ length: repeats }, () => GBK_ZHONGWEN).flat());

describe("YAML that does not parse", () => {
  it("is a 'yaml' problem with the 1-based line in the file", () => {
    const text = "---\ntitle: ok\ndate: 2022-01-01 10:00:00\nauthor: [unclosed\n---\n<p>x</p>\n";
    const [problem] = expectProblems(processFile("a.md", Buffer.from(text), OPTIONS));
    expect(problem?.kind).toBe("yaml");
    expect(problem?.file).toBe("a.md");
    // js-yaml notices the unclosed flow list at the closing of the block; what matters is a real line inside the front matter.
    expect(problem?.line).toBeGreaterThanOrEqual(4);
    expect(problem?.line).toBeLessThanOrEqual(5);
  });

  it("counts blank lines before the opening ---", () => {
    const text = "\n\n---\ntitle: ok\nbad: : : x\n---\n<p>x</p>\n";
    const [problem] = expectProblems(processFile("a.md", Buffer.from(text), OPTIONS));
    expect(problem?.kind).toBe("yaml");
    expect(problem?.line).toBe(5);
    expect(problem?.message).toContain("line 5");
  });

  it("counts lines right in a file with a BOM and CRLF endings", () => {
    const text = "\ufeff\r\n\r\n---\r\ntitle: t\r\nbad: : x\r\n---\r\nbody";
    expect(expectProblems(processFile("a.md", Buffer.from(text), OPTIONS))[0]).toMatchObject({ kind: "yaml", line: 5 });
  });

  it("a key given twice is a 'yaml' problem at the second one", () => {
    const text = "---\ntitle: t\ndate: 2022-01-01 10:00:00\ntitle: u\n---\nx";
    expect(expectProblems(processFile("a.md", Buffer.from(text), OPTIONS))[0]).toMatchObject({ kind: "yaml", line: 4 });
  });

  it("a scalar instead of a mapping is a 'front-matter-shape' problem", () => {
    const [problem] = expectProblems(processFile("a.md", Buffer.from("---\njust text\n---\n<p>x</p>\n"), OPTIONS));
    expect(problem?.kind).toBe("front-matter-shape");
  });

  it.skipIf(brokenCorpusBytes === null)(`the corpus file ${BROKEN_CORPUS_FILE} is reported at line 3`, () => {
    if (!brokenCorpusBytes) return;
    const problems = expectProblems(processFile(BROKEN_CORPUS_FILE, brokenCorpusBytes, OPTIONS));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "yaml", line: 3, file: BROKEN_CORPUS_FILE });
  });

  it("the same broken title in a synthetic file is reported at its line", () => {
    const text = `\n---\ntitle: """""""'第1集'"""""""\ndate: 2021-03-22 04:50:47\n---\n<div>第1集</div>\n`;
    expect(expectProblems(processFile("x.md", Buffer.from(text), OPTIONS))[0]).toMatchObject({ kind: "yaml", line: 3 });
  });
});

describe("framing errors", () => {
  it("empty front matter reports the missing title and date", () => {
    const problems = expectProblems(processFile("a.md", Buffer.from("---\n---\n<p>x</p>\n"), OPTIONS));
    expect(problems.map((p) => p.kind).sort()).toEqual(["date", "title"]);
  });

  it("a post with no body is fine", () => {
    const result = processFile("a.md", Buffer.from("---\ntitle: t\ndate: 2022-01-01 10:00:00\n---"), OPTIONS);
    expect(result.ok && result.article.body.html).toBe("");
  });

  it("no front matter at all", () => {
    const [problem] = expectProblems(processFile("a.md", Buffer.from("<p>只有正文</p>\n"), OPTIONS));
    expect(problem).toMatchObject({ kind: "no-front-matter", line: 1 });
  });

  it("no front matter after blank lines names the first non-blank line", () => {
    const [problem] = expectProblems(processFile("a.md", Buffer.from("\n\n# 标题\n"), OPTIONS));
    expect(problem).toMatchObject({ kind: "no-front-matter", line: 3 });
  });

  it("front matter that is never closed", () => {
    const [problem] = expectProblems(processFile("a.md", Buffer.from("---\ntitle: t\ndate: 2022-01-01 10:00:00\n<p>x</p>\n"), OPTIONS));
    expect(problem?.kind).toBe("no-front-matter");
    expect(problem?.message).toContain("not closed");
  });
});

describe("bytes that are not a UTF-8 text post", () => {
  it("an empty file is 'empty'", () => {
    expect(expectProblems(processFile("a.md", Buffer.alloc(0), OPTIONS))[0]?.kind).toBe("empty");
  });

  it("a whitespace-only file is 'empty'", () => {
    expect(expectProblems(processFile("a.md", Buffer.from(" \n\r\n\t\n"), OPTIONS))[0]?.kind).toBe("empty");
  });

  // Notepad saves a new, empty file as a UTF-8 BOM alone.
  it("a file holding only a BOM and blank lines is 'empty'", () => {
    expect(expectProblems(processFile("a.md", Buffer.from("\ufeff\r\n"), OPTIONS))[0]).toMatchObject({ kind: "empty", message: "file is empty" });
  });

  it("NUL bytes make a file 'binary'", () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), Buffer.alloc(64, 7)]);
    expect(expectProblems(processFile("image.md", bytes, OPTIONS))[0]?.kind).toBe("binary");
    const withFrontMatter = Buffer.concat([post("title: t\ndate: 2022-01-01 10:00:00"), Buffer.from([0, 0, 0])]);
    expect(expectProblems(processFile("a.md", withFrontMatter, OPTIONS))[0]?.kind).toBe("binary");
  });

  // Regression: found by this suite in lib/content/source/decode-source.ts, fixed since.
  it("GBK bytes are an 'encoding' problem naming GBK", () => {
    const bytes = Buffer.concat([Buffer.from("---\ntitle: t\ndate: 2022-01-01 10:00:00\n---\n"), gbkBody(200)]);
    const [problem] = expectProblems(processFile("gbk.md", bytes, OPTIONS));
    expect(problem?.kind).toBe("encoding");
    expect(problem?.message).toContain("GBK");
    expect(problem?.line).toBe(5);
  });

  it("a whole GBK file is an 'encoding' problem", () => {
    const result = decodeSourceText("gbk.md", gbkBody(100));
    expect("kind" in result && result.kind).toBe("encoding");
  });
});
