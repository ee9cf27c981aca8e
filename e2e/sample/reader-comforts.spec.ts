import type { Locator, Page } from "@playwright/test";
import { expect, isPhone, test, waitForQuietNetwork } from "../fixtures";

const ARTICLE = `/articles/${encodeURIComponent("ai-芯片的下一站推理")}`;

/** How many characters each rendered line of an element's text holds, top to bottom. */
async function charactersPerLine(element: Locator): Promise<number[]> {
  return element.evaluate((node) => {
    const lines = new Map<number, number>();
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const characters = Array.from(text.textContent ?? "");
      let offset = 0;
      for (const character of characters) {
        range.setStart(text, offset);
        range.setEnd(text, offset + character.length);
        offset += character.length;
        if (/\s/.test(character)) continue;
        const box = range.getBoundingClientRect();
        if (box.width === 0) continue;
        const top = Math.round(box.top / 4) * 4;
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
    }
    return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, count]) => count);
  });
}

async function expectNoLoneLastCharacter(page: Page, selector: string): Promise<number> {
  let wrapped = 0;
  for (const heading of await page.locator(selector).all()) {
    const lines = await charactersPerLine(heading);
    if (lines.length < 2) continue;
    wrapped += 1;
    expect(lines.at(-1), `last line of “${await heading.textContent()}” (${lines.join(" / ")} characters per line)`).toBeGreaterThan(1);
  }
  return wrapped;
}

/**
 * The places where an element's text wraps from one line to the next inside a text node, as the two characters
 * on either side (`之|后`); a wrap at a `<wbr>` falls between two text nodes and is not one of them.
 */
async function wrapsInsideText(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const wraps: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      let offset = 0;
      let previous: { character: string; top: number } | null = null;
      for (const character of Array.from(text.textContent ?? "")) {
        range.setStart(text, offset);
        range.setEnd(text, offset + character.length);
        offset += character.length;
        const box = range.getBoundingClientRect();
        if (box.width === 0) continue;
        if (previous && box.top > previous.top + box.height / 2) wraps.push(`${previous.character}|${character}`);
        previous = { character, top: box.top };
      }
    }
    return wraps;
  });
}

test.describe("reader comforts", () => {
  test("every header link is reachable with Tab on a 360 px phone, in full view and with a visible focus ring", async ({ page }) => {
    test.skip(!isPhone(page), "the phone layout");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主要分类" });
    const links = nav.getByRole("link");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const labels = await links.allTextContents();
    expect(labels).toContain("全部分类");
    expect(labels).toContain("作者");
    // The header's first link is the site name; the category links follow.
    await page.locator("#site-header a").first().focus();
    for (let index = 0; index < count; index += 1) {
      await page.keyboard.press("Tab");
      const focused = links.nth(index);
      await expect(focused).toBeFocused();
      // Wait for the focus scroll to settle: the link lies inside the nav's scrolling box and the viewport, and
      // the fade that marks the nav's right edge is gone while it has focus.
      await page.waitForTimeout(100);
      const box = await focused.boundingBox();
      const navBox = await nav.boundingBox();
      if (!box || !navBox) throw new Error("no boxes");
      expect(box.x, `${labels[index]} starts inside the nav`).toBeGreaterThanOrEqual(navBox.x - 0.5);
      expect(box.x + box.width, `${labels[index]} ends inside the nav`).toBeLessThanOrEqual(navBox.x + navBox.width + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      // One line: a label never breaks between its characters.
      expect(box.height, `${labels[index]} stays on one line`).toBeLessThan(40);
      expect(await nav.evaluate((element) => getComputedStyle(element).maskImage), "no fade over the focused link").toBe("none");
      // The ring is drawn (not `outline: none`) and fits inside the scrolling box, which clips what overflows it.
      const ring = await focused.evaluate((element) => {
        const style = getComputedStyle(element);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset) };
      });
      expect(ring.style).not.toBe("none");
      const reach = ring.width + ring.offset;
      expect(box.y - reach, `${labels[index]}'s focus ring fits above`).toBeGreaterThanOrEqual(navBox.y - 0.5);
      expect(box.y + box.height + reach, `${labels[index]}'s focus ring fits below`).toBeLessThanOrEqual(navBox.y + navBox.height + 0.5);
    }
    // And on after the last one: the search button (a phone's header has no room for the box), in view, then the
    // theme toggle.
    await page.keyboard.press("Tab");
    const search = page.locator("#site-header").getByRole("link", { name: "搜索" });
    await expect(search).toBeFocused();
    const searchBox = await search.boundingBox();
    expect(searchBox && searchBox.x >= 0 && searchBox.x + searchBox.width <= 360, "the search button is in full view").toBe(true);
    expect(await search.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "切换深浅色" })).toBeFocused();
  });

  test("headlines and headings never end with a single character on their last line", async ({ page }) => {
    let wrapped = 0;
    for (const path of ["/", "/page/2", "/page/3", ARTICLE]) {
      await page.goto(path);
      wrapped += await expectNoLoneLastCharacter(page, "main h1, main h2, main h3");
    }
    // The check means something only if some headlines wrap at this width.
    expect(wrapped).toBeGreaterThan(0);
  });

  test("article titles wrap between words, never inside one (之|后)", async ({ page }) => {
    let wrapped = 0;
    // Search results too: their titles come with the answer, and the query's words are marked inside them.
    for (const path of ["/", "/page/2", "/page/3", ARTICLE, `/search?q=${encodeURIComponent("的 后")}`]) {
      await page.goto(path);
      if (path.startsWith("/search")) {
        await expect(page.locator("[data-search-results] .title-words").first()).toBeVisible();
        expect(await page.locator("[data-search-results] .title-words wbr").count()).toBeGreaterThan(0);
      }
      for (const title of await page.locator(".title-words").all()) {
        const lines = await charactersPerLine(title);
        if (lines.length > 1) wrapped += 1;
        // Inside a text node a line may only end beside a space or punctuation: between two letters or digits
        // it would split a word, since the build put a <wbr> between each two words.
        const insideWords = (await wrapsInsideText(title)).filter((wrap) => /^[\p{L}\p{N}]\|[\p{L}\p{N}]$/u.test(wrap));
        expect(insideWords, `“${await title.textContent()}” on ${path}`).toEqual([]);
      }
    }
    // The check means something only if some titles wrap at this width.
    expect(wrapped).toBeGreaterThan(0);
  });

  test("entity previews can be turned off and on again, and the choice is remembered", async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForQuietNetwork(page);
    const link = page.locator(".article-body a.project-link").first();
    const card = page.locator("#entity-popover");
    const toggle = page.getByRole("switch", { name: "悬停预览" });
    await expect(toggle).toHaveAttribute("aria-checked", "true");

    await link.focus();
    await expect(card).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(card).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    // A plain link now: no popup announced, no card on focus or hover, solid underline in the link colour.
    await expect(link).not.toHaveAttribute("aria-haspopup", /.*/);
    await link.focus();
    if (!isPhone(page)) await link.hover();
    await page.waitForTimeout(700);
    await expect(card).toHaveCount(0);
    expect(await link.evaluate((element) => getComputedStyle(element).textDecorationStyle)).toBe("solid");

    // Remembered across visits, and applied before the page's scripts run.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-entity-previews", "off");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await link.focus();
    await page.waitForTimeout(700);
    await expect(card).toHaveCount(0);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await link.focus();
    await expect(card).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).not.toHaveAttribute("data-entity-previews", /.*/);
  });

  test("a reader who asks for less motion gets no smooth scrolling and no transitions", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(ARTICLE);
    const motion = await page.evaluate(() => {
      const probe = document.querySelector(".toc-link") ?? document.body;
      document.documentElement.focus();
      return {
        scroll: getComputedStyle(document.documentElement).scrollBehavior,
        transition: parseFloat(getComputedStyle(probe).transitionDuration),
      };
    });
    expect(motion.scroll).toBe("auto");
    expect(motion.transition).toBeLessThan(0.001);
  });

  test("printing an article prints the article alone, in a readable size", async ({ page }) => {
    await page.goto(ARTICLE);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator(".article-body")).toBeVisible();
    for (const selector of ["#site-header", "footer", "[data-toc]", "#entity-cards", ".article-neighbours"]) {
      for (const element of await page.locator(selector).all()) await expect(element, selector).toBeHidden();
    }
    const paragraph = page.locator(".article-body p").first();
    const size = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    // 11 pt is 14.67 CSS px: the size of a printed book.
    expect(size).toBeGreaterThanOrEqual(14);
    expect(size).toBeLessThanOrEqual(17);
    expect(await paragraph.evaluate((element) => getComputedStyle(element).color)).toBe("rgb(17, 17, 17)");
    // The PDF Chromium prints has the article's text.
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
