import { describe, expect, it } from "vitest";
import { escapeRawMarkupInCodeBlocks } from "../../lib/content/sanitize/escape-code-blocks";
import { sanitizeBody } from "../../lib/content/sanitize/sanitize-body";
import { processFile } from "../../lib/content/post/process-file";
import { OPTIONS, SANITIZE_OPTIONS, expectOk, parseHtml, post, validFrontMatter } from "./helpers";

const clean = (html: string) => sanitizeBody(html, SANITIZE_OPTIONS);
const htmlOf = (html: string) => clean(html).html;

/** The sanitized HTML parsed back into a DOM, for structural checks. */
const dom = (html: string): HTMLElement => parseHtml(htmlOf(html));

describe("elements and attributes that are removed", () => {
  it("removes <script> with its content and <style> with its content", () => {
    const out = htmlOf("<div><p>前</p><script>alert('x')</script><style>p{color:red}</style><p>后</p></div>");
    expect(out).not.toMatch(/<script|<style|alert|color:red/i);
    expect(out).toContain("前");
    expect(out).toContain("后");
  });

  it("removes style attributes, bare or with a value", () => {
    const out = htmlOf('<p style="color:#333;background:#fff">a</p><h2 label="一级标题" style><strong>01 标题</strong></h2><span style="">b</span>');
    expect(out).not.toMatch(/ style\b/i);
    expect(out).not.toMatch(/ label=/);
    expect(out).toContain("01 标题");
  });

  it("removes on* event handlers", () => {
    const out = htmlOf('<p onclick="x()" onMouseOver="y()">a</p><img src="https://a.example/x.png" onerror="z()"><a href="/a" onfocus="w()">l</a>');
    expect(out).not.toMatch(/\son\w+=/i);
  });

  it.each(["iframe", "object", "embed", "form", "input", "button", "meta", "link", "base", "svg", "math", "textarea", "select", "frame", "frameset", "audio", "video"])(
    "removes <%s>",
    (tag) => {
      const out = htmlOf(`<div>文字<${tag} src="https://x.example/" href="https://x.example/" action="/x" data="x"></${tag}></div>`);
      expect(out.toLowerCase()).not.toContain(`<${tag}`);
      expect(out).toContain("文字");
    },
  );

  it("removes meta refresh, stylesheet links and base", () => {
    const out = htmlOf('<meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://x.example/a.css"><base href="https://evil.example/"><p>t</p>');
    expect(out).toBe("<p>t</p>");
  });

  it("keeps the content of form controls' surroundings but not the controls", () => {
    const out = htmlOf("<form action='/x'><p>说明</p><input value='v'><button>按钮</button></form>");
    expect(out).toContain("说明");
    expect(out).not.toMatch(/<form|<input|<button/);
  });

  it("removes the source site's copy-code button", () => {
    const out = htmlOf('<pre><code>let a = 1;</code></pre><span class="copy-code-btn">复制代码</span>');
    expect(out).not.toContain("复制代码");
    expect(out).toContain("let a = 1;");
  });

  it("removes class and data-* from ordinary elements", () => {
    const out = htmlOf('<p class="content" data-id="3" data-x="y" id="x">p</p><a class="link" data-name="n" href="/a">a</a>');
    expect(out).toBe('<p>p</p><a href="/a">a</a>');
  });
});

describe("URLs", () => {
  const dangerous = [
    "javascript:alert(1)",
    "jAvAsCrIpT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)",
    "javascript&colon;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
  ];

  it.each(dangerous)("removes href %j", (url) => {
    const container = dom(`<a href="${url.replace(/"/g, "&quot;")}">链接</a>`);
    const link = container.querySelector("a");
    expect(link?.textContent).toBe("链接");
    expect(link?.hasAttribute("href")).toBe(false);
    expect(container.innerHTML.toLowerCase()).not.toMatch(/javascript|vbscript|data:|file:/);
  });

  it.each(dangerous.filter((url) => !url.toLowerCase().startsWith("data:")))("removes img src %j", (url) => {
    const out = htmlOf(`<p>x<img src="${url.replace(/"/g, "&quot;")}" alt="a"></p>`);
    expect(out.toLowerCase()).not.toMatch(/javascript|vbscript|file:/);
  });

  it("removes an upper-case DATA: image", () => {
    expect(htmlOf('<p>x<img src="DATA:image/png;base64,AAAA"></p>')).toBe("<p>x</p>");
  });

  // Regression: found by this suite in lib/content/sanitize/ (then one file, sanitize-body.ts, with policy.ts), fixed since.
  it("removes a data: image src", () => {
    const out = htmlOf('<p>x<img src="data:image/png;base64,iVBORw0KGgo=" alt="a"></p>');
    expect(out).not.toContain("data:");
  });

  it("removes dangerous URLs from other URL-bearing attributes", () => {
    const out = htmlOf('<blockquote cite="javascript:alert(1)">q</blockquote><q cite="vbscript:x">y</q>');
    expect(out).toBe("<blockquote>q</blockquote><q>y</q>");
  });

  it.each([
    ["https://example.com/a?b=1#c", true],
    ["http://example.com/", true],
    ["mailto:editor@example.com", false],
    ["/a", false],
    ["a/b", false],
    ["../x", false],
    ["#anchor", false],
    ["?page=2", false],
    ["http://localhost:3000/articles/x", false],
  ] as const)("keeps href %j (external: %s)", (url, external) => {
    const link = dom(`<a href="${url}" target="_self">t</a>`).querySelector("a");
    expect(link?.getAttribute("href")).toBe(url);
    if (external) {
      expect(link?.getAttribute("target")).toBe("_blank");
      expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
    } else {
      expect(link?.hasAttribute("target")).toBe(false);
      expect(link?.hasAttribute("rel")).toBe(false);
    }
  });

  it("treats a protocol-relative link to another host as external", () => {
    const link = dom('<a href="//evil.example/p">t</a>').querySelector("a");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("unwraps 开源中国's GoToLink redirect", () => {
    const link = dom('<a href="https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fgithub.com%2Fa%2Fb">gh</a>').querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://github.com/a/b");
    expect(link?.getAttribute("target")).toBe("_blank");
  });

  it("does not unwrap a GoToLink redirect to a non-http URL", () => {
    const href = "https://www.oschina.net/action/GoToLink?url=javascript%3Aalert(1)";
    expect(dom(`<a href="${href}">x</a>`).querySelector("a")?.getAttribute("href")).toBe(href);
  });
});

describe("images", () => {
  it("adds referrerpolicy=no-referrer, loading=lazy and decoding=async", () => {
    const image = dom('<p><img src="https://img.36krcdn.com/a.png" alt="图" referrerpolicy="unsafe-url" loading="eager"></p>').querySelector("img");
    expect(image?.getAttribute("src")).toBe("https://img.36krcdn.com/a.png");
    expect(image?.getAttribute("alt")).toBe("图");
    expect(image?.getAttribute("referrerpolicy")).toBe("no-referrer");
    expect(image?.getAttribute("loading")).toBe("lazy");
    expect(image?.getAttribute("decoding")).toBe("async");
  });

  it("decorates every image", () => {
    const container = dom('<img src="https://a.example/1.png"><p><img src="/2.png"></p><figure><img src="3.png"></figure>');
    const images = Array.from(container.querySelectorAll("img"));
    expect(images).toHaveLength(3);
    for (const image of images) expect(image.getAttribute("referrerpolicy")).toBe("no-referrer");
  });

  it("drops an image whose src was removed or missing", () => {
    expect(htmlOf('<p>a<img src="javascript:alert(1)">b<img alt="x">c</p>')).toBe("<p>abc</p>");
  });

  it("keeps numeric width/height only", () => {
    const image = dom('<img src="/a.png" width="640" height="100%">').querySelector("img");
    expect(image?.getAttribute("width")).toBe("640");
    expect(image?.hasAttribute("height")).toBe(false);
  });
});

describe("headings", () => {
  it("turns h1 into h2 (the page title is the only h1)", () => {
    const out = htmlOf("<h1>大标题</h1><p>x</p>");
    expect(out).not.toContain("<h1");
    expect(out).toMatch(/^<h2 id="大标题">大标题/);
    expect(clean("<h1>大标题</h1>").headings).toEqual([{ id: "大标题", text: "大标题", depth: 2 }]);
  });

  it("gives github-slugger ids, keeping Chinese", () => {
    const { headings } = clean("<h2>Hello, World!</h2><h3>AI 研习社：「Stacking」</h3><h4>01 微信 视频号</h4>");
    expect(headings).toEqual([
      { id: "hello-world", text: "Hello, World!", depth: 2 },
      { id: "ai-研习社stacking", text: "AI 研习社：「Stacking」", depth: 3 },
      { id: "01-微信-视频号", text: "01 微信 视频号", depth: 4 },
    ]);
  });

  it("numbers repeated headings -1, -2", () => {
    expect(clean("<h2>小结</h2><h3>小结</h3><h2>小结</h2>").headings.map((h) => h.id)).toEqual(["小结", "小结-1", "小结-2"]);
  });

  it("sets the id on the heading element and adds an anchor link to it", () => {
    const heading = dom("<h2><strong>01 直播</strong></h2>").querySelector("h2");
    expect(heading?.id).toBe("01-直播");
    const anchor = heading?.querySelector("a.heading-anchor");
    expect(anchor?.getAttribute("href")).toBe(`#${encodeURIComponent("01-直播")}`);
  });

  it("an empty heading (<h2> </h2>) gets no id and is not in headings", () => {
    const result = clean("<h2> </h2><h2>\u3000</h2><h2>正文</h2><h3><img src='/a.png'></h3>");
    expect(result.headings).toEqual([{ id: "正文", text: "正文", depth: 2 }]);
    const container = dom("<h2> </h2><h2>正文</h2>");
    expect(container.querySelectorAll("h2")[0]?.hasAttribute("id")).toBe(false);
  });

  it("keeps h2–h4 in headings with their depth; h5/h6 are left out", () => {
    const { headings } = clean("<h2>二</h2><h3>三</h3><h4>四</h4><h5>五</h5><h6>六</h6>");
    expect(headings.map((h) => [h.text, h.depth])).toEqual([
      ["二", 2],
      ["三", 3],
      ["四", 4],
    ]);
  });

  it("does not take ids the page itself uses", () => {
    expect(clean("<h2>Main</h2><h2>TOC</h2>").headings.map((h) => h.id)).toEqual(["main-1", "toc-1"]);
  });

  it("removes ids that came with the source", () => {
    const container = dom('<h2 id="main">A</h2><p id="toc">b</p>');
    expect(container.querySelector("p")?.hasAttribute("id")).toBe(false);
    expect(container.querySelector("h2")?.id).toBe("a");
  });

  // Regression: found by this suite in lib/content/sanitize-body.ts, fixed since.
  it("gives every heading a unique id", () => {
    const ids = clean("<h2>!!!</h2><h2>Section 1</h2><h2>???</h2>").headings.map((h) => h.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("36kr entity links", () => {
  const entity =
    '<a class="project-link" data-id="3968527" data-name="微信" data-logo="https://img.36krcdn.com/20200916/v2_811751a081924fa9af8741ce120bd7bf_img_png" data-refer-type="2" href="https://36kr.com/projectDetails/3968527" target="_blank">微信</a>';

  it("a.project-link keeps its class, its name and its entity key; the id, kind and logo go to its card", () => {
    const link = dom(`<p>一年一度的${entity}公开课</p>`).querySelector("a");
    expect(link?.getAttribute("class")).toBe("project-link");
    expect(link?.getAttribute("data-name")).toBe("微信");
    expect(link?.getAttribute("data-entity")).toBe("2-3968527");
    for (const carried of ["data-id", "data-logo", "data-refer-type"]) expect(link?.hasAttribute(carried)).toBe(false);
    expect(link?.getAttribute("href")).toBe("https://36kr.com/projectDetails/3968527");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("reports the entity", () => {
    expect(clean(`<p>${entity}</p>`).entities).toEqual([
      {
        key: "2-3968527",
        id: "3968527",
        name: "微信",
        logo: "https://img.36krcdn.com/20200916/v2_811751a081924fa9af8741ce120bd7bf_img_png",
        referType: "2",
        href: "https://36kr.com/projectDetails/3968527",
      },
    ]);
  });

  it("uses data-name, not the link text", () => {
    const html = '<p>投资方<a class="project-link" data-id="5" data-name="了数科技" data-refer-type="1" href="https://www.36dianping.com/space/5">了数</a>表示</p>';
    expect(clean(html).entities[0]?.name).toBe("了数科技");
  });

  describe("an entity link inside a longer word (the source's auto-linker matches inside words)", () => {
    const link = (text: string, id = "5") => `<a class="project-link" data-id="${id}" data-name="${text}" data-logo="https://img.36krcdn.com/${id}.png" data-refer-type="2" href="https://36kr.com/projectDetails/${id}">${text}</a>`;
    const cases: [string, string, string, string][] = [
      ["伊利 in 伊利诺伊州立大学", "他毕业于", "伊利", "诺伊州立大学，回国后"],
      ["地面通 in 地面通过", "飞机在", "地面通", "过滑行道"],
      ["了数 in 了数十万台", "等业态中投放", "了数", "十万台智能终端"],
      ["有客 in 客流", "线下商圈", "有客", "流、门店却冷"],
      ["开课 in 公开课", "一年一度的微信公", "开课", "如约而至"],
    ];
    for (const [name, before, text, after] of cases) {
      it(`${name}: stays a plain link, with no card and no mention, and is reported`, () => {
        const result = clean(`<p>${before}${link(text)}${after}</p>`);
        expect(result.entities).toEqual([]);
        expect(result.partialWordLinks).toEqual([{ text, context: expect.stringContaining(text) }]);
        const anchor = dom(`<p>${before}${link(text)}${after}</p>`).querySelector("a");
        expect(anchor?.getAttribute("href")).toBe("https://36kr.com/projectDetails/5");
        expect(anchor?.hasAttribute("class")).toBe(false);
        expect(anchor?.hasAttribute("data-entity")).toBe(false);
        expect(anchor?.hasAttribute("data-name")).toBe(false);
        expect(anchor?.textContent).toBe(text);
      });
    }

    const whole: [string, string, string, string][] = [
      ["伊利 on its own", "他后来加入", "伊利", "。"],
      ["名创优品 beside words", "以", "名创优品", "为例"],
      ["拼多多 before punctuation", "打通", "拼多多", "、淘宝"],
      ["周大福 at the start of a sentence", "", "周大福", "的3万名导购"],
      ["a Latin name", "发布了", "OpenCV", " 5.0"],
      ["a name between links", "", "微信", ""],
    ];
    for (const [name, before, text, after] of whole) {
      it(`${name}: is an entity`, () => {
        const result = clean(`<p>${before}${link(text)}${after}</p>`);
        expect(result.entities.map((entity) => entity.name)).toEqual([text]);
        expect(result.partialWordLinks).toEqual([]);
      });
    }
  });

  it("other elements lose class and data-*, even with the entity attributes", () => {
    const out = htmlOf('<span class="project-link" data-id="1" data-name="x" data-logo="https://a.example/l.png" data-refer-type="2">s</span><a class="other" data-id="1" href="/a">a</a>');
    expect(out).toBe('<span>s</span><a href="/a">a</a>');
  });

  it("keeps a data-logo that is a path on this site", () => {
    const result = clean(entity.replace(/data-logo="[^"]*"/, 'data-logo="/images/sample/logo-1.webp"'));
    expect(result.entities[0]?.logo).toBe("/images/sample/logo-1.webp");
  });

  it("an entity link keeps only the project-link class", () => {
    expect(dom(entity.replace('class="project-link"', 'class="project-link extra big"')).querySelector("a")?.getAttribute("class")).toBe("project-link");
  });

  it.each(["javascript:alert(1)", "//evil.example/logo.png", "/\\evil.example/logo.png", "data:image/png;base64,AAAA", "ftp://x.example/l.png", "logo.png"])(
    "drops a data-logo that is neither http(s) nor a path on this site: %j",
    (logo) => {
      const html = entity.replace(/data-logo="[^"]*"/, `data-logo="${logo}"`);
      const result = clean(html);
      expect(result.entities[0]?.logo).toBeNull();
      expect(result.html).not.toContain("data-logo");
      expect(result.entities[0]?.name).toBe("微信");
    },
  );

  it("drops other data-* attributes on an entity link", () => {
    const out = htmlOf(entity.replace("<a ", '<a data-track="x" style="color:red" '));
    expect(out).not.toContain("data-track");
    expect(out).not.toContain("style");
    expect(out).toContain('data-name="微信"');
  });

  // Regression: found by this suite in lib/content/sanitize-body.ts, fixed since.
  it("keeps a data-name that contains a colon", () => {
    const result = clean('<a class="project-link" data-id="2" data-name="Apple: Inc" data-refer-type="2" href="https://36kr.com/projectDetails/2">苹果</a>');
    expect(result.entities[0]?.name).toBe("Apple: Inc");
  });
});

describe("raw markup inside <pre><code>", () => {
  const code = [
    "<pre><code>&lt;!-- 已转义 --&gt;",
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head><style>body { color: red; }</style>",
    '<script src="app.js"></script>',
    "<script>alert(1)</script></head>",
    '<body><button onclick="go()">点我</button><input type="radio" checked></body>',
    "</html></code></pre>",
  ].join("\n");

  it("keeps the code as visible, escaped text", () => {
    const out = htmlOf(code);
    expect(out).toContain("&lt;!DOCTYPE html&gt;");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain('&lt;script src="app.js"&gt;&lt;/script&gt;');
    expect(out).toContain('&lt;button onclick="go()"&gt;点我&lt;/button&gt;');
    expect(out).toContain('&lt;input type="radio" checked&gt;');
    expect(out).toContain("&lt;style&gt;body { color: red; }&lt;/style&gt;");
    expect(out).toContain("&lt;!-- 已转义 --&gt;");
    expect(out).not.toMatch(/<script|<style|<button|<input|<html|<body/i);
  });

  it("the text of the code block reads as the original source", () => {
    const text = dom(code).querySelector("pre")?.textContent ?? "";
    expect(text).toContain("<!DOCTYPE html>");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('<button onclick="go()">点我</button>');
  });

  it("keeps the inline tags syntax highlighters use", () => {
    const out = htmlOf('<pre><code class="hljs"><span class="hljs-tag">&lt;div&gt;</span><b>x</b><br></code></pre>');
    expect(out).toBe("<pre><code><span>&lt;div&gt;</span><b>x</b><br></code></pre>");
  });

  it("leaves markup outside <pre> to the sanitizer", () => {
    expect(escapeRawMarkupInCodeBlocks("<p><b>x</b></p>")).toBe("<p><b>x</b></p>");
    expect(htmlOf("<p><button>按</button></p>")).toBe("<p>按</p>");
  });
});

describe("derived text", () => {
  it("counts Han characters and Latin words of the visible text only", () => {
    const result = clean('<h2>标题</h2><p>中文字 and three words</p><script>不算 not counted</script><img src="/a.png" alt="图片说明">');
    expect(result.hanCount).toBe(5);
    expect(result.latinWordCount).toBe(3);
  });

  it("textStart is the plain text start without heading anchors", () => {
    const result = clean("<h2>第一节</h2><p>正文&amp;内容</p>");
    expect(result.textStart).toBe("第一节 正文&内容");
  });

  it("wraps tables in a scrolling box", () => {
    expect(htmlOf("<table><tr><td>1</td></tr></table>")).toBe('<div class="table-scroll"><table><tbody><tr><td>1</td></tr></tbody></table></div>');
  });
});

describe("text the sanitizer had to drop", () => {
  const longText = "正文段落里有足够多的汉字，读者应该能读到全部内容。".repeat(12);

  it("warns the owner when an element that is not allowed swallowed most of the body", () => {
    const result = processFile("a.md", post(validFrontMatter(), `<p>开头</p><audio src="x.mp3"><p>${longText}</p>`), OPTIONS);
    const article = expectOk(result);
    expect(article.warnings).toContainEqual(expect.stringMatching(/^sanitizing removed most of the body's text \(2 of \d+ characters and words kept\)/));
  });

  it("does not warn when only scripts and styles were removed", () => {
    const result = processFile("a.md", post(validFrontMatter(), `<style>p{color:red}</style><script>var a = "${longText}";</script><p>${longText}</p>`), OPTIONS);
    expect(expectOk(result).warnings).toEqual([]);
  });
});
