/**
 * Entity pages: reached from an article's hover card and its 本文提及 list, from the index of entities, and from
 * one another (常一同提及); what they tell a reader about the entity, and the articles mentioning it.
 */
import { ContentStore } from "../../lib/store/read-store";
import type { EntityRecord } from "../../lib/store/model";
import { urls } from "../../lib/site/urls";
import { expect, isPhone, storeDirOf, test } from "../fixtures";

const ARTICLE = `/articles/${encodeURIComponent("ai-芯片的下一站推理")}`;

function storedEntities(): { entities: EntityRecord[]; titlesOf: (entity: EntityRecord) => string[] } {
  const store = ContentStore.open(storeDirOf("sample"));
  const entities = store.entitiesBetween(0, store.manifest.entityCount);
  const titles = new Map(entities.map((entity) => [entity.key, store.listPage(entity.list, 1, 100).map((summary) => summary.title)]));
  store.close();
  return { entities, titlesOf: (entity) => titles.get(entity.key) ?? [] };
}

test.describe("entity pages", () => {
  test("the hover card links to the entity's page, which lists every article mentioning it, newest first", async ({ page }) => {
    const { entities, titlesOf } = storedEntities();
    await page.goto(ARTICLE);
    const link = page.locator(".article-body a.project-link").first();
    const name = (await link.getAttribute("data-name")) ?? "";
    const entity = entities.find((candidate) => candidate.name === name);
    if (!entity) throw new Error(`no stored entity ${name}`);
    await expect(link).toHaveAttribute("aria-haspopup", "dialog");
    if (isPhone(page)) {
      await link.scrollIntoViewIfNeeded();
      await link.tap();
    } else {
      await link.hover();
    }
    const card = page.locator("#entity-popover");
    await expect(card).toBeVisible();
    const toEntity = card.getByRole("link", { name: `本站 ${entity.count} 篇文章提及` });
    // The card keeps its link to the source site beside the new one.
    await expect(card.getByRole("link", { name: /在 36氪/ })).toHaveAttribute("href", entity.href);
    if (isPhone(page)) await toEntity.tap();
    else await toEntity.click();
    await expect(page).toHaveURL(new RegExp(`${urls.entity(entity.key)}$`));
    await expect(page.locator("h1")).toHaveText(entity.name);
    await expect(page.locator("main")).toContainText(`${entity.count} 篇`);
    // Every article mentioning it, newest first, page after page (the e2e site shows 5 a page).
    const listed: string[] = [];
    for (;;) {
      listed.push(...(await page.locator("main ol h2").allTextContents()));
      const older = page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: /较早/ });
      if ((await older.count()) === 0) break;
      await older.click();
      await expect(page).toHaveURL(new RegExp(`/page/${Math.floor(listed.length / 5) + 1}$`));
    }
    expect(listed).toEqual(titlesOf(entity));
    expect(listed).toContain("AI 芯片的下一站：推理");
  });

  test("the 本文提及 list links each entity's page, and the page shows its first and last mention", async ({ page }) => {
    const { entities } = storedEntities();
    await page.goto(ARTICLE);
    const entry = page.locator("#entity-cards [data-entity-card]").first();
    const key = (await entry.getAttribute("data-entity-card")) ?? "";
    const entity = entities.find((candidate) => candidate.key === key);
    if (!entity) throw new Error(`no stored entity ${key}`);
    await entry.getByRole("link", { name: /篇文章提及/ }).click();
    await expect(page).toHaveURL(new RegExp(`${urls.entity(entity.key)}$`));
    const facts = page.locator("main dl");
    await expect(facts.locator("div").filter({ hasText: "最早提及" }).locator(`time[datetime="${entity.firstMention}"]`)).toBeVisible();
    await expect(facts.locator("div").filter({ hasText: "最近提及" }).locator(`time[datetime="${entity.lastMention}"]`)).toBeVisible();
    await expect(page.locator("main")).toContainText(entity.referType === "1" ? "企业服务" : "创投项目");
  });

  test("the index lists entities most mentioned first; each is a link, and 常一同提及 leads from one to another", async ({ page }) => {
    const { entities } = storedEntities();
    await page.goto("/");
    const headerOrFooter = isPhone(page) ? page.locator("footer") : page.locator("#site-header");
    await headerOrFooter.getByRole("link", { name: "公司与项目" }).click();
    await expect(page).toHaveURL(/\/entities$/);
    const names = page.locator("main ol li a span.font-semibold");
    await expect(names).toHaveText(entities.slice(0, 60).map((entity) => entity.name));
    const first = entities[0];
    if (!first) throw new Error("no entities");
    await page.getByRole("link", { name: new RegExp(`^${first.name}`) }).click();
    await expect(page.locator("h1")).toHaveText(first.name);
    const together = page.getByRole("navigation", { name: "常一同提及" }).getByRole("link");
    await expect(together).toHaveText(first.together.map((other) => `${other.name}${other.count} 篇`));
    const other = first.together[0];
    if (!other) throw new Error(`${first.name} has no entity named with it`);
    await together.first().click();
    await expect(page.locator("h1")).toHaveText(other.name);
  });

  test("an entity without a logo, or with the source's shared placeholder, shows its initial", async ({ page }) => {
    const { entities } = storedEntities();
    const noLogo = entities.filter((entity) => entity.logo === null);
    // The sample has entities with no logo and three sharing one placeholder image.
    expect(noLogo.length).toBeGreaterThanOrEqual(4);
    for (const entity of noLogo) {
      await page.goto(urls.entity(entity.key));
      const avatar = page.locator("h1 .entity-avatar");
      await expect(avatar).toHaveText(Array.from(entity.name)[0] ?? "");
      await expect(avatar.locator("img")).toHaveCount(0);
    }
    const withLogo = entities.find((entity) => entity.logo !== null);
    if (!withLogo) throw new Error("no entity with a logo");
    await page.goto(urls.entity(withLogo.key));
    await expect(page.locator("h1 .entity-avatar img")).toHaveAttribute("src", withLogo.logo ?? "");
  });

  test("unknown entities and pages past the end are 404s", async ({ request }) => {
    const { entities } = storedEntities();
    const entity = entities[0];
    if (!entity) throw new Error("no entities");
    expect((await request.get("/entities/2-0")).status()).toBe(404);
    // The e2e site shows 5 articles a page.
    expect((await request.get(urls.entity(entity.key, Math.ceil(entity.count / 5) + 1))).status()).toBe(404);
    expect((await request.get("/entities/page/2")).status()).toBe(404);
    expect((await request.get("/entities/page/1", { maxRedirects: 0 })).status()).toBe(308);
  });
});
