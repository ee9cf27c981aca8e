import { describe, expect, it } from "vitest";
import { relatedArticles } from "../../lib/content/index/related-articles";
import type { EntityRef } from "../../lib/content/sanitize/sanitized-body";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import { NO_RELATED_ARTICLE } from "../../lib/store/format";
import { RELATED_PER_ARTICLE, type ArticleSummary } from "../../lib/store/model";
import { siteFrom } from "./site-store";

function entity(id: string): EntityRef {
  return { key: `2-${id}`, id, name: `实体${id}`, logo: null, referType: "2", href: `https://36kr.com/projectDetails/${id}` };
}

function article(slug: string, day: number, options: { categories?: string[][]; entities?: EntityRef[] } = {}): ParsedArticle {
  const date = new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString();
  return {
    meta: { slug, sourcePath: `${slug}.md`, title: `标题 ${slug}`, date, updated: null, author: null, categories: options.categories ?? [], tags: [], image: null, description: null, draft: false },
    body: { html: `<p>${slug}</p>`, headings: [], entities: options.entities ?? [], partialWordLinks: [], textStart: slug, hanCount: 10, latinWordCount: 0 },
    warnings: [],
  };
}

const related = async (articles: ParsedArticle[]) => {
  const site = await siteFrom(articles);
  return (slug: string) => site.documents.find((document) => document.summary.slug === slug)?.related.map((summary) => summary.slug) ?? [];
};

const COMMON = entity("1");
const RARE = entity("2");

describe("related articles", () => {
  it("ranks a shared rare entity above a shared common one, and either above nothing shared", async () => {
    const filler = Array.from({ length: 8 }, (_, n) => article(`common-${n}`, 20 + n, { entities: [COMMON] }));
    const of = await related([
      article("subject", 10, { entities: [COMMON, RARE] }),
      article("rare", 40, { entities: [RARE] }),
      article("nothing", 11),
      ...filler,
    ]);
    const found = of("subject");
    expect(found[0]).toBe("rare");
    expect(found).not.toContain("nothing");
    expect(found).not.toContain("subject");
    expect(found).toHaveLength(RELATED_PER_ARTICLE);
  });

  it("counts the same category path, and prefers the closer in time", async () => {
    const tech = [["科技", "芯片"]];
    const of = await related([
      article("subject", 100, { categories: tech }),
      article("near", 101, { categories: tech }),
      article("far", 700, { categories: tech }),
      article("other-category", 100, { categories: [["生活"]] }),
    ]);
    // Sharing the category beats being published the same day; the articles nearest in time fill up to three.
    expect(of("subject")).toEqual(["near", "far", "other-category"]);
    expect(of("other-category")).toEqual(["subject", "near", "far"]);
  });

  it("weighs how much of the category path is shared", async () => {
    const of = await related([
      article("subject", 100, { categories: [["科技", "芯片"]] }),
      article("sibling", 100, { categories: [["科技", "互联网"]] }),
      article("same", 90, { categories: [["科技", "芯片"]] }),
      article("unrelated", 100, { categories: [["生活"]] }),
    ]);
    expect(of("subject")).toEqual(["same", "sibling", "unrelated"]);
  });

  it("is the same whatever order the posts were read in", async () => {
    const articles = Array.from({ length: 30 }, (_, n) =>
      article(`a${n}`, n % 7, { categories: [[`分类${n % 3}`]], entities: [entity(String(n % 5)), entity(String(10 + (n % 4)))] }),
    );
    const forward = await related(articles);
    const backward = await related([...articles].reverse());
    for (const { meta } of articles) expect(backward(meta.slug)).toEqual(forward(meta.slug));
  });

  it("stays near the article in time when an entity is in thousands of articles", () => {
    const count = 5000;
    const summaries: ArticleSummary[] = Array.from({ length: count }, (_, id) => ({
      id,
      slug: `s${id}`,
      title: `t${id}`,
      titleBreaks: [],
      excerpt: "",
      date: new Date(Date.UTC(2022, 0, 1) - id * 3_600_000).toISOString(),
      updated: null,
      author: null,
      categories: [],
      tags: [],
      image: null,
      readingMinutes: 1,
      entities: [0],
    }));
    // Entity 0 is in every article; a second, smaller entity makes it less than universal (weight above 0).
    const mentions = [summaries.map((summary) => summary.id), [1, 2]];
    const table = relatedArticles(summaries, mentions);
    const of = (id: number) => Array.from(table.subarray(id * RELATED_PER_ARTICLE, (id + 1) * RELATED_PER_ARTICLE));
    expect(of(2500)).toEqual([2499, 2501, 2498, 2502, 2497]);
    expect(of(0)).toEqual([1, 2, 3, 4, 5]);
    expect(table.includes(NO_RELATED_ARTICLE)).toBe(false);
  });
});
