import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { POST_EXTENSIONS } from "../../lib/content/source/post-files";
import { titleBreaks } from "../../lib/content/title-breaks";
import { OPTIONS, PROJECT_DIR, SHARED_DIR, walkFiles } from "./helpers";

/** The title cut at its breaks, `|` between the parts. */
function cut(title: string): string {
  const breaks = titleBreaks(title);
  return breaks.reduce((text, offset, index) => `${text}${title.slice(breaks[index - 1] ?? 0, offset)}|`, "") + title.slice(breaks.at(-1) ?? 0);
}

/** The titles of every post under `dir`, with their files; none when the folder is absent. */
function titlesUnder(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return walkFiles(dir)
    .filter((file) => POST_EXTENSIONS.some((ending) => file.toLowerCase().endsWith(ending)))
    .flatMap((file) => {
      const result = processFile(file, readFileSync(path.join(dir, file)), OPTIONS);
      return result.ok ? [[file, result.article.meta.title] as [string, string]] : [];
    });
}

describe("titleBreaks: where a headline may wrap between two words", () => {
  // Exact cuts depend on jieba's dictionary and the platform's ICU data; what must hold whatever their versions is
  // checked: words whole, breaks between the others.
  it("breaks between words, never inside one", () => {
    const cuts = cut("大模型推理成本下降之后，企业该如何重新算账");
    for (const word of ["模型", "推理", "成本", "下降", "之后", "如何", "重新"]) expect(cuts).toContain(`|${word}`);
    expect(cut("2025 硬科技投资回顾：从讲故事到算账本")).toContain("|回顾");
  });

  it("keeps a word either segmenter sees whole (双十一: jieba cuts 双十|一, ICU 双|十一)", () => {
    expect(cut("“双十一”之后，直播电商还能走多远？")).toMatch(/^“双十一”之后，/);
  });

  it("gives no break beside spaces and punctuation, whose own rules stand, nor in text with spaces between its words", () => {
    const cuts = [cut("用 {模板} 思维做产品"), cut("OpenCV发布5.0版本"), cut("“双十一”之后，直播电商还能走多远？")];
    for (const text of cuts) expect(text).not.toMatch(/\|[\s{}.，“”？]|[\s{}.，“”？]\|/u);
    expect(cuts[1]).toContain("OpenCV|发布");
    expect(titleBreaks("Hello, world: a title in English")).toEqual([]);
    expect(titleBreaks("")).toEqual([]);
  });

  it("never splits a character outside the Basic Multilingual Plane", () => {
    const title = "𠮷野家的😀新店开张";
    expect(titleBreaks(title).length).toBeGreaterThan(0);
    for (const offset of titleBreaks(title)) {
      expect(title.charAt(offset), `${title} at ${offset}`).not.toMatch(/[\uDC00-\uDFFF]/);
    }
  });

  const titles = [...titlesUnder(path.join(PROJECT_DIR, "content")), ...titlesUnder(path.join(SHARED_DIR, "seed")), ...titlesUnder(path.join(SHARED_DIR, "corpus"))];
  it.each(titles)("%s: every break lies between two letters or digits, in order", (_file, title) => {
    const breaks = titleBreaks(title);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    for (const offset of breaks) {
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThan(title.length);
      const before = Array.from(title.slice(0, offset)).at(-1) ?? "";
      const after = Array.from(title.slice(offset))[0] ?? "";
      expect(`${before}${after}`, `${title} at ${offset}`).toMatch(/^[\p{L}\p{N}]{2}$/u);
    }
  });
});
