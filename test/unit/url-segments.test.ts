import { describe, expect, it } from "vitest";
import { articleSlugFromFileName, nameToSegment, normalizeExplicitSlug } from "../../lib/content/slugs";
import { articleSlugOf, urls } from "../../lib/site/urls";

describe("URL segments for names with any characters", () => {
  const awkward = ["新媒体", "AI 研习社", "a/b", "what?", "C#", "100%", "..", ".", " ", "?#%/", "𠮷野家", "\u0007bell"];

  it("are URL-safe, non-empty and never a dot segment", () => {
    for (const name of awkward) {
      const segment = nameToSegment(name);
      expect(segment, name).not.toBe("");
      expect(segment, name).not.toMatch(/^\.+$/);
      expect(segment, name).not.toMatch(/[/?#%\s\u0000-\u001f]/);
      // Round-trips through a URL unchanged.
      expect(decodeURIComponent(new URL(`http://x/${encodeURIComponent(segment)}`).pathname.slice(1)), name).toBe(segment);
    }
  });

  it("keep Chinese readable and are stable", () => {
    expect(nameToSegment("新媒体")).toBe("新媒体");
    expect(nameToSegment("AI 研习社")).toBe("ai-研习社");
    expect(nameToSegment("..")).toBe(nameToSegment(".."));
    expect(nameToSegment("..")).not.toBe(nameToSegment("?"));
  });

  it("article slugs come from file names, or a hash when nothing is left", () => {
    expect(articleSlugFromFileName("a/今年微信公开课，有关零售的四个关键场景.md")).toBe("今年微信公开课有关零售的四个关键场景");
    expect(articleSlugFromFileName("编程/开源中国/资讯/ .md")).toMatch(/^a-[0-9a-f]{8}$/);
    expect(normalizeExplicitSlug("/2022/01/my-post/")).toBe("my-post");
    expect(normalizeExplicitSlug("My Post.html")).toBe("my-post");
  });
});

describe("article URLs read back", () => {
  it("give back the slug of any article URL and null for every other path", () => {
    for (const slug of ["今年微信公开课有关零售的四个关键场景", "ai-研习社", "100%", "a-1f2e3d4c", "𠮷野家"]) expect(articleSlugOf(urls.article(slug)), slug).toBe(slug);
    for (const path of ["/", "/articles", "/articles/", "/articles/a/b", "/categories/科技", "/articles/%E0%A4%A", "/api/article-parts"]) expect(articleSlugOf(path), path).toBeNull();
  });
});
