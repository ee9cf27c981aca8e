import { describe, expect, it } from "vitest";
import type { CategoryNode } from "../../lib/store/model";
import type { ParsedArticle } from "../../lib/content/post/post-types";
import type { EntityRef } from "../../lib/content/sanitize/sanitized-body";
import { siteFrom } from "./site-store";

interface ArticleSpec {
  slug: string;
  date: string;
  categories?: string[][];
  tags?: string[];
  author?: string | null;
  entities?: EntityRef[];
  description?: string | null;
  text?: string;
}

function article(spec: ArticleSpec): ParsedArticle {
  return {
    meta: {
      slug: spec.slug,
      sourcePath: `${spec.slug}.md`,
      title: `标题 ${spec.slug}`,
      date: spec.date,
      updated: null,
      author: spec.author === undefined ? "36kr" : spec.author,
      categories: spec.categories ?? [],
      tags: spec.tags ?? [],
      image: null,
      description: spec.description ?? null,
      draft: false,
    },
    body: {
      html: `<p>${spec.slug}</p>`,
      headings: [],
      entities: spec.entities ?? [],
      partialWordLinks: [],
      textStart: spec.text ?? `${spec.slug} 的正文`,
      hanCount: 600,
      latinWordCount: 0,
    },
    warnings: [],
  };
}

function entity(id: string, name: string, logo: string | null = `https://img.36krcdn.com/${id}.png`): EntityRef {
  return { key: `2-${id}`, id, name, logo, referType: "2", href: `https://36kr.com/projectDetails/${id}` };
}

const WEIXIN = entity("1", "微信");
const PLACEHOLDER = "https://img.36krcdn.com/placeholder.png";

/** Five articles given oldest-ish first, in no particular order. */
const articles = [
  article({ slug: "b", date: "2022-01-02T00:00:00.000Z", categories: [["新媒体", "36kr", "资讯"]], tags: ["零售"], entities: [WEIXIN, entity("10", "甲", PLACEHOLDER)] }),
  article({ slug: "e", date: "2022-01-05T00:00:00.000Z", categories: [["新媒体", "36kr", "快讯"]], tags: ["零售", "支付"], entities: [WEIXIN, entity("11", "乙", PLACEHOLDER), WEIXIN] }),
  article({ slug: "a", date: "2022-01-01T00:00:00.000Z", categories: [["编程", "掘金"]], author: "张三", entities: [WEIXIN] }),
  article({ slug: "d", date: "2022-01-04T00:00:00.000Z", categories: [["新媒体", "36kr", "资讯"], ["编程"]], author: null, entities: [WEIXIN, entity("12", "丙", PLACEHOLDER)] }),
  article({ slug: "c", date: "2022-01-03T00:00:00.000Z", categories: [["新媒体", "36kr", "资讯"]], entities: [WEIXIN, entity("13", "丁", "https://img.36krcdn.com/shared-by-two.png"), entity("14", "戊", "https://img.36krcdn.com/shared-by-two.png")] }),
];
const built = await siteFrom(articles, new Date("2024-05-01T00:00:00Z"));
const { store, summaries, documents, ids } = built;
const { categories } = store.manifest;
const slugs = summaries.map((summary) => summary.slug);
const idOf = (slug: string) => slugs.indexOf(slug);
const documentOf = (slug: string) => {
  const found = documents.find((document) => document.summary.slug === slug);
  if (!found) throw new Error(`no document ${slug}`);
  return found;
};
const findNode = (nodes: CategoryNode[], names: string[]): CategoryNode | undefined => {
  let level = nodes;
  let node: CategoryNode | undefined;
  for (const name of names) {
    node = level.find((candidate) => candidate.name === name);
    if (!node) return undefined;
    level = node.children;
  }
  return node;
};

describe("the site index, written to a store and read back", () => {
  it("orders articles newest first (ids are that order), documents in the same order", () => {
    expect(slugs).toEqual(["e", "d", "c", "b", "a"]);
    expect(summaries.map((summary) => summary.id)).toEqual([0, 1, 2, 3, 4]);
    expect(documents.map((document) => document.summary.slug)).toEqual(slugs);
    expect(ids(store.manifest.home)).toEqual([0, 1, 2, 3, 4]);
    expect(store.manifest.builtAt).toBe("2024-05-01T00:00:00.000Z");
  });

  it("breaks date ties by slug", async () => {
    const tied = await siteFrom([article({ slug: "y", date: "2022-01-01T00:00:00.000Z" }), article({ slug: "x", date: "2022-01-01T00:00:00.000Z" })]);
    expect(tied.summaries.map((summary) => summary.slug)).toEqual(["x", "y"]);
  });

  it("finds every article by slug, and nothing by a slug it does not have", () => {
    for (const slug of slugs) expect(store.articleId(slug)).toBe(idOf(slug));
    expect(store.articleId("f")).toBeNull();
    expect(store.document("no-such-article")).toBeNull();
  });

  it("builds the category tree with counts at every level", () => {
    const root = (name: string) => categories.find((node) => node.name === name);
    const idsOf = (node: CategoryNode | undefined) => (node ? ids(node.list) : undefined);
    expect(categories.map((node) => [node.name, node.count])).toEqual([
      ["新媒体", 4],
      ["编程", 2],
    ]);
    expect(idsOf(root("新媒体"))).toEqual([idOf("e"), idOf("d"), idOf("c"), idOf("b")]);
    expect(idsOf(findNode(categories, ["新媒体", "36kr"]))).toHaveLength(4);
    expect(idsOf(findNode(categories, ["新媒体", "36kr", "资讯"]))).toEqual([idOf("d"), idOf("c"), idOf("b")]);
    expect(idsOf(findNode(categories, ["新媒体", "36kr", "快讯"]))).toEqual([idOf("e")]);
    expect(idsOf(root("编程"))).toEqual([idOf("d"), idOf("a")]);
    expect(idsOf(findNode(categories, ["编程", "掘金"]))).toEqual([idOf("a")]);
    expect(findNode(categories, ["新媒体", "36kr"])?.children.map((node) => node.name)).toEqual(["资讯", "快讯"]);
  });

  it("gives category nodes their names and URL segments", () => {
    const node = findNode(categories, ["新媒体", "36kr", "资讯"]);
    expect(node?.names).toEqual(["新媒体", "36kr", "资讯"]);
    expect(node?.segments).toEqual(["新媒体", "36kr", "资讯"]);
    expect(summaries[idOf("d")]?.categories).toEqual([
      { names: ["新媒体", "36kr", "资讯"], segments: ["新媒体", "36kr", "资讯"] },
      { names: ["编程"], segments: ["编程"] },
    ]);
  });

  it("groups authors and tags", () => {
    expect(store.authors().map((group) => [group.name, ids(group.list)])).toEqual([
      ["36kr", [idOf("e"), idOf("c"), idOf("b")]],
      ["张三", [idOf("a")]],
    ]);
    expect(store.author("张三")?.segment).toBe("张三");
    expect(store.tags().map((group) => [group.name, ids(group.list)])).toEqual([
      ["零售", [idOf("e"), idOf("b")]],
      ["支付", [idOf("e")]],
    ]);
    expect(summaries[idOf("d")]?.author).toBeNull();
    expect(summaries[idOf("e")]?.tags).toEqual([
      { name: "零售", segment: "零售" },
      { name: "支付", segment: "支付" },
    ]);
  });

  it("gives names that slug alike distinct segments", async () => {
    const alike = await siteFrom([
      article({ slug: "p", date: "2022-01-02T00:00:00.000Z", author: "AI 研习社" }),
      article({ slug: "q", date: "2022-01-01T00:00:00.000Z", author: "ai 研习社" }),
    ]);
    const segments = alike.store.authors().map((group) => group.segment);
    expect(new Set(segments).size).toBe(2);
    expect(segments.sort()).toEqual(["ai-研习社", "ai-研习社-1"]);
  });

  it("links previous (older) and next (newer) articles", () => {
    expect(documentOf("e").next).toBeNull();
    expect(documentOf("e").previous).toEqual({ slug: "d", title: "标题 d", titleBreaks: [] });
    expect(documentOf("c").previous).toEqual({ slug: "b", title: "标题 b", titleBreaks: [] });
    expect(documentOf("c").next).toEqual({ slug: "d", title: "标题 d", titleBreaks: [] });
    expect(documentOf("a").previous).toBeNull();
    expect(documentOf("a").next).toEqual({ slug: "b", title: "标题 b", titleBreaks: [] });
  });

  it("makes one entity card per entity with mention counts across articles and up to 3 other articles", () => {
    const cards = documentOf("c").entities;
    expect(cards.map((card) => card.key)).toEqual(["2-1", "2-13", "2-14"]);
    const weixin = cards[0];
    expect(weixin).toMatchObject({ key: "2-1", name: "微信", referType: "2", href: "https://36kr.com/projectDetails/1", mentionCount: 5 });
    expect(weixin?.mentions).toEqual([
      { slug: "e", title: "标题 e", titleBreaks: [] },
      { slug: "d", title: "标题 d", titleBreaks: [] },
      { slug: "b", title: "标题 b", titleBreaks: [] },
    ]);
    // An entity linked twice in one article is one card and one mention.
    const inE = documentOf("e").entities;
    expect(inE.filter((card) => card.key === "2-1")).toHaveLength(1);
    expect(inE.find((card) => card.key === "2-1")?.mentions.map((link) => link.slug)).toEqual(["d", "c", "b"]);
    const only = documentOf("c").entities.find((card) => card.key === "2-13");
    expect(only?.mentionCount).toBe(1);
    expect(only?.mentions).toEqual([]);
  });

  it("treats a logo shared by 3+ different entities as a placeholder (logo null)", () => {
    expect(documentOf("b").entities.find((card) => card.key === "2-10")?.logo).toBeNull();
    expect(documentOf("e").entities.find((card) => card.key === "2-11")?.logo).toBeNull();
    expect(documentOf("d").entities.find((card) => card.key === "2-12")?.logo).toBeNull();
    // Shared by only two entities: still a logo.
    expect(documentOf("c").entities.find((card) => card.key === "2-13")?.logo).toBe("https://img.36krcdn.com/shared-by-two.png");
    // Used by one entity in five articles: a real logo.
    expect(documentOf("a").entities[0]?.logo).toBe("https://img.36krcdn.com/1.png");
  });

  it("one entity repeated in many articles does not make its logo a placeholder", async () => {
    const same = Array.from({ length: 4 }, (_, n) => article({ slug: `s${n}`, date: `2022-01-0${n + 1}T00:00:00.000Z`, entities: [entity("7", "七", PLACEHOLDER)] }));
    const site = await siteFrom(same);
    for (const document of site.documents) expect(document.entities[0]?.logo).toBe(PLACEHOLDER);
  });

  it("lists every article mentioning an entity, newest first", () => {
    const weixin = store.entity(0);
    expect(weixin?.key).toBe("2-1");
    expect(weixin && ids(weixin.list)).toEqual([0, 1, 2, 3, 4]);
  });

  it("numbers entities most mentioned first and finds each by its key", () => {
    const counts = store.entitiesBetween(0, store.manifest.entityCount).map((record) => record.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Ties go to the most recently mentioned: 乙 (in e, the newest), 丙 (d), 丁 and 戊 (c, in body order), 甲 (b).
    expect(store.entitiesBetween(1, 6).map((record) => record.name)).toEqual(["乙", "丙", "丁", "戊", "甲"]);
    for (const record of store.entitiesBetween(0, store.manifest.entityCount)) expect(store.entityByKey(record.key)).toEqual(record);
    expect(store.entityByKey("2-999")).toBeNull();
    expect(store.entityByKey("")).toBeNull();
  });

  it("gives each entity its first and last mention and the entities named with it", () => {
    const weixin = store.entityByKey("2-1");
    expect(weixin).toMatchObject({ firstMention: "2022-01-01T00:00:00.000Z", lastMention: "2022-01-05T00:00:00.000Z" });
    // Each of the other five is named with 微信 once; ties go to the more mentioned (lower number), as stored.
    expect(weixin?.together.map((link) => link.name)).toEqual(["乙", "丙", "丁", "戊", "甲"]);
    expect(weixin?.together.every((link) => link.count === 1)).toBe(true);
    expect(store.entityByKey("2-13")?.together.map((link) => link.name)).toEqual(["微信", "戊"]);
  });

  it("carries the article's html, headings, description and reading time", async () => {
    const site = await siteFrom([article({ slug: "x", date: "2022-01-01T00:00:00.000Z", description: "描述" })]);
    expect(site.documents[0]).toMatchObject({ html: "<p>x</p>", headings: [], description: "描述" });
    expect(site.summaries[0]).toMatchObject({ excerpt: "描述", readingMinutes: 2, image: null, updated: null });
  });

  it("an empty list gives an empty site", async () => {
    const site = await siteFrom([]);
    expect(site.summaries).toEqual([]);
    expect(site.store.manifest.categories).toEqual([]);
    expect(site.documents).toEqual([]);
  });
});
