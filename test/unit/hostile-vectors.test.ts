/**
 * Every attack vector of the hostile fixtures through the real pipeline. The
 * end-to-end suite proves nothing executes in a browser; these checks say
 * why, structurally: what survives sanitizing is only what the policy names,
 * every URL has a safe scheme, and sanitizing is stable when repeated (a
 * mutation-XSS payload changes shape when its output is parsed again).
 */
import { describe, expect, it } from "vitest";
import { processFile } from "../../lib/content/post/process-file";
import { formatProblems } from "../../lib/content/report";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from "../../lib/content/sanitize/policy";
import { nameToSegment } from "../../lib/content/slugs";
import { postPerVector } from "../fixtures/hostile/site";
import { BODY_VECTORS, FRONT_MATTER_VECTORS, VECTOR_COUNT, countByFamily } from "../fixtures/hostile/vectors";
import { OPTIONS, parseHtml } from "./helpers";

/** Elements and attributes the pipeline itself adds after sanitizing. */
const ADDED_ATTRIBUTES = new Set(["id", "data-entity", "referrerpolicy", "loading", "decoding", "rel", "aria-label"]);
const ADDED_CLASSES = new Set(["project-link", "heading-anchor", "table-scroll"]);
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Resolved the way a browser resolves it (WHATWG URL parsing, which drops control characters and tabs). */
function isSafeUrl(value: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(value, "https://site.test/articles/a").protocol);
  } catch {
    // A URL a browser cannot parse is never followed.
    return true;
  }
}

function structuralViolations(html: string): string[] {
  const root = parseHtml(html);
  const found: string[] = [];
  const allowedTags = new Set(ALLOWED_TAGS);
  const allowedAttributes = new Set([...ALLOWED_ATTRIBUTES, ...ADDED_ATTRIBUTES]);
  for (const element of Array.from(root.getElementsByTagName("*"))) {
    const tag = element.tagName.toLowerCase();
    if (!allowedTags.has(tag)) found.push(`element <${tag}>`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (!allowedAttributes.has(name)) found.push(`attribute ${name} on <${tag}>`);
      if (name.startsWith("on")) found.push(`event handler ${name}`);
      if (name === "class" && !ADDED_CLASSES.has(attribute.value)) found.push(`class "${attribute.value}"`);
      if (URL_ATTRIBUTES.has(name) && !isSafeUrl(attribute.value)) found.push(`${name}="${attribute.value.slice(0, 60)}"`);
      if (name === "data-logo" && !/^(?:https?:\/\/|\/(?!\/))/i.test(attribute.value)) found.push(`data-logo="${attribute.value.slice(0, 60)}"`);
      if (name === "id" && !/^H[2-4]$/.test(element.tagName)) found.push(`id on <${tag}>`);
      if (name === "id" && /^_/.test(attribute.value)) found.push(`id "${attribute.value}" can clobber a framework global`);
    }
  }
  return found;
}

function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index += 1;
  return `first difference at ${index}: ${JSON.stringify(expected.slice(index - 40, index + 60))} became ${JSON.stringify(actual.slice(index - 40, index + 60))}`;
}

describe("the hostile fixture corpus", () => {
  it("has at least 150 distinct vectors, in every family", () => {
    expect(VECTOR_COUNT).toBeGreaterThanOrEqual(150);
    const distinct = new Set([...BODY_VECTORS.map((vector) => vector.html), ...FRONT_MATTER_VECTORS.map((vector) => `${vector.field}:${JSON.stringify(vector.value)}`)]);
    expect(distinct.size).toBe(VECTOR_COUNT);
    for (const count of countByFamily().values()) expect(count).toBeGreaterThanOrEqual(6);
  });

  it("covers every front matter field the site renders", () => {
    const fields = new Set(FRONT_MATTER_VECTORS.map((vector) => vector.field));
    for (const field of ["title", "description", "excerpt", "author", "categories", "tags", "headimg", "thumbnail", "cover", "date", "updated", "slug", "abbrlink"]) {
      expect(fields, field).toContain(field);
    }
  });
});

describe.each(postPerVector().filter((post) => post.field === undefined && !post.rejected).map((post) => [post.ids[0], post.family, post] as const))(
  "body vector %i (%s)",
  (_id, _family, post) => {
    const result = processFile(post.file, Buffer.from(post.text, "utf8"), OPTIONS);

    it("publishes only what the policy allows", () => {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(structuralViolations(result.article.body.html)).toEqual([]);
    });

    it("is what a browser builds from it: parsing the output again changes nothing (no mutation XSS)", () => {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { html } = result.article.body;
      const reparsed = parseHtml(html).innerHTML;
      // Compared by equality, not printed: some outputs are hundreds of kilobytes.
      expect(reparsed === html, firstDifference(html, reparsed)).toBe(true);
    });
  },
);

describe("body vectors that are rejected", () => {
  it("reports markup nested deeper than browsers nest, with its line, instead of crashing", () => {
    const rejected = postPerVector().filter((post) => post.field === undefined && post.rejected);
    expect(rejected.length).toBeGreaterThan(0);
    for (const post of rejected) {
      const result = processFile(post.file, Buffer.from(post.text, "utf8"), OPTIONS);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems).toEqual([expect.objectContaining({ kind: "body", line: 15 })]);
        expect(result.problems[0]?.message).toBe("the body's markup nests more than 512 elements deep; browsers flatten anything deeper, so it cannot be published as written");
      }
    }
  });
});

describe("front matter vectors", () => {
  const posts = postPerVector().filter((post) => post.field !== undefined);
  const processed = posts.map((post) => ({ post, result: processFile(post.file, Buffer.from(post.text, "utf8"), OPTIONS) }));

  it("rejects exactly the files whose dates cannot be read, naming the field", () => {
    for (const { post, result } of processed) {
      if (post.rejected) {
        expect(result.ok, post.file).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.kind), post.file).toContain("date");
      } else {
        expect(result.ok, `${post.file}: ${result.ok ? "" : JSON.stringify(result.problems)}`).toBe(true);
      }
    }
  });

  it("shows control characters from a hostile value as escapes, never raw, in the owner's terminal", () => {
    const escapeDate = processed.find(({ post }) => post.text.includes("\\u001b[2J"));
    if (!escapeDate || escapeDate.result.ok) throw new Error("the ESC date vector must be rejected");
    const printed = formatProblems(escapeDate.result.problems);
    expect(printed).toContain("\\u{1b}[2J\\u{1b}]0;owned\\u{7}清屏");
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("never keeps an image URL that is not http(s) or site-relative", () => {
    for (const { post, result } of processed) {
      if (!result.ok || !["headimg", "thumbnail", "cover"].includes(post.field ?? "")) continue;
      const image = result.article.meta.image;
      if (image !== null) expect(image, post.file).toMatch(/^(?:https?:\/\/[^\s"'<>\\]+|\/[^/\s"'<>\\][^\s"'<>\\]*)$/i);
    }
  });

  it("gives every slug, author, category and tag a URL segment that cannot leave its folder", () => {
    for (const { post, result } of processed) {
      if (!result.ok) continue;
      const { meta } = result.article;
      const names = [...meta.categories.flat(), ...meta.tags, ...(meta.author ? [meta.author] : [])];
      const segments = [meta.slug, ...names.map(nameToSegment)];
      for (const segment of segments) {
        expect(segment, post.file).toMatch(/^[^/\\?#%\u0000-\u001f\u007f]+$/u);
        expect(segment, post.file).not.toMatch(/^\.+$/);
      }
    }
  });
});
