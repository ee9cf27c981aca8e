import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { plainTextOf } from "../../lib/content/sanitize/plain-text";
import { POST_EXTENSIONS } from "../../lib/content/source/post-files";
import { indexableText, normalize, parseQuery, readableText } from "../../lib/search/search-terms";
import { snippetParts } from "../../lib/search/snippet";
import { OPTIONS, PROJECT_DIR, SHARED_DIR, walkFiles } from "./helpers";

/** What Pagefind stores of an indexed text: its whitespace collapsed to single spaces. */
const asStored = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The title and body text of every valid post under `dir`, as the search index reads them. */
function articleTexts(dir: string): { file: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return walkFiles(dir)
    .filter((file) => POST_EXTENSIONS.some((ending) => file.toLowerCase().endsWith(ending)))
    .flatMap((file) => {
      const result = processFile(file, readFileSync(path.join(dir, file)), OPTIONS);
      return result.ok ? [{ file, text: `${result.article.meta.title}\n${plainTextOf(result.article.body.html)}` }] : [];
    });
}

describe("indexable text", () => {
  it("cuts ideograph runs into overlapping pairs and a marked last character, and parts Latin words from punctuation", () => {
    const words = (text: string) => asStored(indexableText(text)).replace(/\u2060/g, "").split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word));
    expect(words("周大福珠宝")).toEqual(["周大", "大福", "福珠", "珠宝", "宝0"]);
    expect(words("“福”字")).toEqual(["福0", "字0"]);
    expect(words("Vue生命周期")).toEqual(["Vue", "生命", "命周", "周期", "期0"]);
    expect(words("7-Zip：https://7-zip.org")).toEqual(["7", "Zip", "https", "7", "zip", "org"]);
    expect(words("tokens_per_second（ID:LP）")).toEqual(["tokens", "per", "second", "ID", "LP"]);
    // Full-width letters and digits are the ASCII ones; full-width punctuation stays as it is.
    expect(words("ＯｐｅｎＣＶ ４")).toEqual(["OpenCV", "4"]);
  });

  it("reads back exactly as written, for made-up text", () => {
    for (const text of ["周大福珠宝发布了新的金价，OpenCV 发布 5.0 版本。", "Vue生命周期详解：从创建到销毁", "“福”字", "（ID:LPdaily1945），作者", "a 的 b", "ひらがなとカタカナ", "第3季度，营收 1.2 亿元"]) {
      expect(readableText(asStored(indexableText(text)))).toBe(text);
    }
  });

  const corpora = [
    { name: "the sample content", dir: path.join(PROJECT_DIR, "content") },
    { name: "../shared/seed", dir: path.join(SHARED_DIR, "seed") },
    { name: "../shared/corpus", dir: path.join(SHARED_DIR, "corpus") },
  ];
  for (const { name, dir } of corpora) {
    it.skipIf(!existsSync(dir))(`reads back exactly for every article of ${name}${existsSync(dir) ? "" : " (skipped: the folder is not there)"}`, () => {
      const texts = articleTexts(dir);
      expect(texts.length).toBeGreaterThan(0);
      for (const { file, text } of texts) expect(readableText(asStored(indexableText(text))), file).toBe(asStored(normalize(text)));
    });
  }
});

describe("queries", () => {
  it("asks for the pairs of each ideograph run and each Latin word, lower-cased", () => {
    expect(parseQuery("周大福")).toEqual({ pagefindTerms: "周大 大福", highlightTerms: ["周大福"], longestRun: 2 });
    expect(parseQuery("OpenCV 发布")).toEqual({ pagefindTerms: "opencv 发布", highlightTerms: ["OpenCV", "发布"], longestRun: 1 });
    expect(parseQuery("Vue.js生命周期")).toEqual({ pagefindTerms: "vue js 生命 命周 周期", highlightTerms: ["Vue", "js", "生命周期"], longestRun: 3 });
    expect(parseQuery("福").pagefindTerms).toBe("福");
    expect(parseQuery("ＯｐｅｎＣＶ").pagefindTerms).toBe("opencv");
  });

  it("has nothing to ask for in punctuation, symbols or spaces", () => {
    for (const query of ["", "   ", "！！", "……", "<>", "“”"]) expect(parseQuery(query).pagefindTerms).toBe("");
  });

  it("a query's terms are among the indexed words of any text that contains it", () => {
    const text = "在连接顾客方面，社群运营成为零售企业的标配——与周大福合作的 OpenCV 4.5.5 发布";
    const indexed = new Set(asStored(indexableText(text)).replace(/\u2060/g, "").toLowerCase().split(" "));
    for (const query of ["周大福", "零售企业", "OpenCV 发布", "社群", "4.5.5"]) {
      for (const term of parseQuery(query).pagefindTerms.split(" ")) expect([...indexed].some((word) => word.startsWith(term)), `${query}: ${term}`).toBe(true);
    }
  });
});

describe("snippets", () => {
  const text = `${"开头的一段话。".repeat(20)}这里提到了周大福和零售。${"结尾的一段话。".repeat(20)}`;

  it("shows the stretch with the query's words, highlighted, with an ellipsis where the text was cut", () => {
    const parts = snippetParts(text, ["周大福", "零售"], 60);
    expect(parts[0]).toEqual({ text: "…", highlighted: false });
    expect(parts.at(-1)).toEqual({ text: "…", highlighted: false });
    expect(parts.filter((part) => part.highlighted).map((part) => part.text)).toEqual(["周大福", "零售"]);
    expect(parts.map((part) => part.text).join("").length).toBeLessThanOrEqual(62);
  });

  it("matches Latin words in any case and starts at the beginning when no word is found", () => {
    expect(snippetParts("Using opencv today", ["OpenCV"]).filter((part) => part.highlighted)).toEqual([{ text: "opencv", highlighted: true }]);
    const start = snippetParts(text, ["不存在"], 30);
    expect(start[0]?.text.startsWith("开头的一段话")).toBe(true);
    expect(start.some((part) => part.highlighted)).toBe(false);
  });

  it("treats the reader's words as text, never as a pattern", () => {
    expect(snippetParts("a+b (c) [d]", ["a+b", "(c)", "[d]"]).filter((part) => part.highlighted).map((part) => part.text)).toEqual(["a+b", "(c)", "[d]"]);
  });
});
