import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { countReadingUnits, readingMinutes, truncateText } from "../../lib/content/text";
import { OPTIONS, expectOk, post } from "./helpers";
import { siteFrom } from "./site-store";

describe("readingMinutes: 300 Han characters a minute + 200 English words a minute, at least 1", () => {
  it.each([
    [0, 0, 1],
    [1, 0, 1],
    [149, 0, 1],
    [300, 0, 1],
    [600, 0, 2],
    [3000, 0, 10],
    [0, 200, 1],
    [0, 400, 2],
    [0, 2000, 10],
    [300, 200, 2],
    [1500, 1000, 10],
    [450, 0, 2],
    [0, 99, 1],
  ])("%i Han + %i words → %i min", (han, words, minutes) => {
    expect(readingMinutes(han, words)).toBe(minutes);
  });
});

describe("countReadingUnits", () => {
  it("counts Han characters, not punctuation", () => {
    expect(countReadingUnits("你好，世界！「读书」。")).toEqual({ han: 6, latinWords: 0 });
  });

  it("counts English words, with contractions and hyphens as one word", () => {
    expect(countReadingUnits("Hello world, it's a well-known fact.")).toEqual({ han: 0, latinWords: 6 });
  });

  it("counts both in mixed text", () => {
    expect(countReadingUnits("微信公开课 Pro 活动：视频号 is growing")).toEqual({ han: 10, latinWords: 3 });
  });

  it("nothing to read counts nothing", () => {
    expect(countReadingUnits("  ，。！ ")).toEqual({ han: 0, latinWords: 0 });
  });
});

describe("reading time of a whole article", () => {
  it("900 Han characters and 200 English words read in 4 minutes", async () => {
    const body = `<div><p>${"读".repeat(900)}</p><p>${Array.from({ length: 200 }, () => "word").join(" ")}</p></div>`;
    const article = expectOk(processFile("a.md", post("title: t\ndate: 2022-01-01 10:00:00", body), OPTIONS));
    expect(article.body.hanCount).toBe(900);
    expect(article.body.latinWordCount).toBe(200);
    expect((await siteFrom([article])).summaries[0]?.readingMinutes).toBe(4);
  });

  it("a one-line 快讯 still reads in 1 minute", async () => {
    const article = expectOk(processFile("a.md", post("title: t\ndate: 2022-01-01 10:00:00", "<div>10月电影大盘票房破50亿。</div>"), OPTIONS));
    expect((await siteFrom([article])).summaries[0]?.readingMinutes).toBe(1);
  });
});

describe("truncateText", () => {
  it("leaves short text alone and cuts long text with an ellipsis, never inside a surrogate pair", () => {
    expect(truncateText("短文", 10)).toBe("短文");
    expect(truncateText("一二三四五六", 3)).toBe("一二三…");
    expect(truncateText("😀😀😀😀", 2)).toBe("😀😀…");
  });
});
