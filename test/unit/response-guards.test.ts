import { describe, expect, it } from "vitest";
import { isArticleParts } from "../../components/article/article-parts";
import { isIntegerArray } from "../../lib/util/is-record";

describe("checks on JSON the browser receives", () => {
  it("accepts an array of integers and nothing else as a headline's title breaks", () => {
    expect(isIntegerArray([])).toBe(true);
    expect(isIntegerArray([2, 5, 9])).toBe(true);
    expect(isIntegerArray([2, 2.5])).toBe(false);
    expect(isIntegerArray(["2"])).toBe(false);
    expect(isIntegerArray([Number.NaN])).toBe(false);
    expect(isIntegerArray({ 0: 2, length: 1 })).toBe(false);
    expect(isIntegerArray(null)).toBe(false);
  });

  const mention = { slug: "a", title: "芯片的下一站", titleBreaks: [2, 3] };
  const card = { key: "k", name: "名字", referType: "company", href: "/entities/k", logo: null, mentionCount: 1, mentions: [mention] };

  it("takes an article's parts as the endpoint sends them", () => {
    expect(isArticleParts({ html: "<p>正文</p>", entities: [card] })).toBe(true);
    expect(isArticleParts({ html: "<p>正文</p>", entities: [] })).toBe(true);
  });

  it("refuses parts whose mentions carry title breaks that are not offsets", () => {
    expect(isArticleParts({ html: "", entities: [{ ...card, mentions: [{ ...mention, titleBreaks: [1.5] }] }] })).toBe(false);
    expect(isArticleParts({ html: "", entities: [{ ...card, mentions: [{ ...mention, titleBreaks: "2,3" }] }] })).toBe(false);
    expect(isArticleParts({ html: "", entities: [{ ...card, logo: 3 }] })).toBe(false);
    expect(isArticleParts({ entities: [] })).toBe(false);
  });
});
