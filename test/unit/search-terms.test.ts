import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { plainTextOf } from "../../lib/content/sanitize/plain-text";
import { POST_EXTENSIONS } from "../../lib/content/source/post-files";
import { forEachTerm, MAX_QUERY_LENGTH, normalize, parseQuery } from "../../lib/search/search-terms";
import { snippetParts } from "../../lib/search/snippet";
import { seededRandom } from "../../lib/util/seeded-random";
import { OPTIONS, PROJECT_DIR, SHARED_DIR, walkFiles } from "./helpers";

/** The title and body text of every valid post under `dir`, as the search index reads them. */
function articleTexts(dir: string): { file: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return walkFiles(dir)
    .filter((file) => POST_EXTENSIONS.some((ending) => file.toLowerCase().endsWith(ending)))
    .flatMap((file) => {
      const result = processFile(file, readFileSync(path.join(dir, file)), OPTIONS);
      return result.ok ? [{ file, text: normalize(`${result.article.meta.title}\n${plainTextOf(result.article.body.html)}`) }] : [];
    });
}

/** A letter or digit of a script written with spaces: part of a Latin word. */
function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{M}\p{N}]/u.test(character) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(character);
}

function termsOf(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(normalize(text), (term) => terms.push(term));
  return terms;
}

describe("index terms", () => {
  it("are each ideograph and each overlapping pair of a run, and Latin words lower-cased, parted by punctuation", () => {
    expect(termsOf("周大福珠宝")).toEqual(["周", "大", "周大", "福", "大福", "珠", "福珠", "宝", "珠宝"]);
    expect(termsOf("“福”字")).toEqual(["福", "字"]);
    expect(termsOf("Vue生命")).toEqual(["vue", "生", "命", "生命"]);
    expect(termsOf("7-Zip：https://7-zip.org")).toEqual(["7", "zip", "https", "7", "zip", "org"]);
    expect(termsOf("tokens_per_second（ID:LP）")).toEqual(["tokens", "per", "second", "id", "lp"]);
    // Full-width letters and digits are the ASCII ones; full-width punctuation stays as it is.
    expect(termsOf("ＯｐｅｎＣＶ ４")).toEqual(["opencv", "4"]);
    expect(normalize("ＯｐｅｎＣＶ，")).toBe("OpenCV，");
    // Kana are written without spaces too.
    expect(termsOf("カタ")).toEqual(["カ", "タ", "カタ"]);
  });

  it("keep a term within what a byte can say of its length", () => {
    const [long] = termsOf("a".repeat(500));
    expect(Buffer.byteLength(long ?? "")).toBeLessThanOrEqual(255);
    expect(parseQuery("a".repeat(500)).terms).toEqual([long]);
  });
});

describe("queries", () => {
  it("ask for the pairs of each ideograph run (the character of a run of one) and each Latin word, lower-cased", () => {
    expect(parseQuery("周大福")).toEqual({ terms: ["周大", "大福"], phrases: ["周大福"], highlightTerms: ["周大福"] });
    expect(parseQuery("OpenCV 发布")).toEqual({ terms: ["opencv", "发布"], phrases: [], highlightTerms: ["OpenCV", "发布"] });
    expect(parseQuery("Vue.js生命周期")).toEqual({ terms: ["vue", "js", "生命", "命周", "周期"], phrases: ["生命周期"], highlightTerms: ["Vue", "js", "生命周期"] });
    expect(parseQuery("福").terms).toEqual(["福"]);
    expect(parseQuery("ＯｐｅｎＣＶ").terms).toEqual(["opencv"]);
  });

  it("have nothing to ask for in punctuation, symbols or spaces, and read a query's first 200 characters only", () => {
    for (const query of ["", "   ", "！！", "……", "<>", "“”", "\u0000"]) expect(parseQuery(query).terms).toEqual([]);
    expect(parseQuery(`${"字".repeat(MAX_QUERY_LENGTH)}尾`).terms).not.toContain("字尾");
  });

  const corpora = [
    { name: "the sample content", dir: path.join(PROJECT_DIR, "content") },
    { name: "../shared/seed", dir: path.join(SHARED_DIR, "seed") },
    { name: "../shared/corpus", dir: path.join(SHARED_DIR, "corpus") },
  ];
  for (const { name, dir } of corpora) {
    it.skipIf(!existsSync(dir))(`cannot miss: any stretch of ${name}'s text, as a query, asks only for terms the text has${existsSync(dir) ? "" : " (skipped: the folder is not there)"}`, () => {
      const texts = articleTexts(dir);
      expect(texts.length).toBeGreaterThan(0);
      const random = seededRandom(7);
      for (const { file, text } of texts) {
        const indexed = new Set(termsOf(text));
        const characters = Array.from(text);
        for (let sample = 0; sample < 40; sample += 1) {
          // A stretch starts and ends between words (not inside OpenCV), anywhere in Chinese.
          let start = Math.floor(random() * characters.length);
          let end = Math.min(characters.length, start + 1 + Math.floor(random() * 12));
          while (start > 0 && isWordCharacter(characters[start - 1]) && isWordCharacter(characters[start])) start -= 1;
          while (end < characters.length && isWordCharacter(characters[end - 1]) && isWordCharacter(characters[end])) end += 1;
          const query = characters.slice(start, end).join("");
          const parsed = parseQuery(query);
          for (const term of parsed.terms) expect(indexed.has(term), `${file}: “${query}” asks for “${term}”`).toBe(true);
          for (const phrase of parsed.phrases) expect(text.includes(phrase), `${file}: “${query}”`).toBe(true);
        }
      }
    });
  }
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
