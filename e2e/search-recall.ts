import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import type { Page } from "@playwright/test";
import { plainTextOf } from "../lib/content/sanitize/plain-text";
import { ContentStore } from "../lib/store/read-store";
import { expect } from "./fixtures";

/** One query of the recall test and the articles (`/articles/…` paths) whose text contains it. */
export interface RecallTerm {
  kind: "name" | "two-character word" | "four-character word" | "Latin token";
  term: string;
  expected: string[];
}

const HAN_WORD = /^\p{Script=Han}+$/u;
const LATIN_TOKEN = /^[A-Za-z][A-Za-z0-9]+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `text` contains `term`: anywhere for Chinese, as a whole word (any case) for Latin. */
function contains(text: string, term: string): boolean {
  if (!LATIN_TOKEN.test(term)) return text.includes(term);
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])`, "i").test(text);
}

/** The `count` words most articles share, then the rarest, in a fixed order (the test must not vary by run). */
function pick(documentFrequency: Map<string, number>, count: number): string[] {
  const byFrequency = [...documentFrequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const common = byFrequency.slice(0, Math.ceil(count / 2));
  const rare = byFrequency.reverse().filter((word) => !common.includes(word)).slice(0, count - common.length);
  return [...common, ...rare];
}

/**
 * The recall test's terms for the site built into `storeDir`, drawn from its own articles: every entity name that
 * appears in an article's text, and two- and four-character words and Latin tokens as jieba cuts the articles
 * (the most shared and the rarest of each), each with the articles whose title or body contains it.
 */
export function recallTerms(storeDir: string, perKind = 12): RecallTerm[] {
  const store = ContentStore.open(storeDir);
  try {
    const texts: { url: string; text: string }[] = [];
    for (let id = 0; id < store.articleCount; id += 1) {
      const summary = store.summary(id);
      const body = store.body(id);
      if (summary && body) texts.push({ url: `/articles/${summary.slug}`, text: `${summary.title}\n${plainTextOf(body.html)}` });
    }
    const segmenter = Jieba.withDict(dict);
    const frequencies = { two: new Map<string, number>(), four: new Map<string, number>(), latin: new Map<string, number>() };
    for (const { text } of texts) {
      for (const word of new Set(segmenter.cut(text, false))) {
        const length = Array.from(word).length;
        const table = HAN_WORD.test(word) ? (length === 2 ? frequencies.two : length === 4 ? frequencies.four : null) : LATIN_TOKEN.test(word) ? frequencies.latin : null;
        table?.set(word, (table.get(word) ?? 0) + 1);
      }
    }
    const names = new Set<string>();
    for (const entity of store.entitiesBetween(0, store.manifest.entityCount)) {
      if (texts.some(({ text }) => text.includes(entity.name))) names.add(entity.name);
    }
    const withExpected = (kind: RecallTerm["kind"], terms: Iterable<string>): RecallTerm[] =>
      [...terms].map((term) => ({ kind, term, expected: texts.filter(({ text }) => contains(text, term)).map(({ url }) => url) }));
    return [
      ...withExpected("name", names),
      ...withExpected("two-character word", pick(frequencies.two, perKind)),
      ...withExpected("four-character word", pick(frequencies.four, perKind)),
      ...withExpected("Latin token", pick(frequencies.latin, perKind)),
    ];
  } finally {
    store.close();
  }
}

/** Searches `query` on the search page as a reader would and returns every result's path, "more" clicked to the end. */
export async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search?q=${encodeURIComponent(query)}`);
  const status = page.locator("[data-search-status]");
  await expect(status).toHaveAttribute("data-search-status", /^(found|nothing)$/, { timeout: 20_000 });
  const more = page.locator("[data-search-more]");
  while (await more.isVisible()) {
    const before = await page.locator("[data-search-results] > li").count();
    await more.click();
    await expect(page.locator("[data-search-results] > li")).not.toHaveCount(before);
  }
  const hrefs = await page.locator("[data-search-results] h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => decodeURIComponent(href));
}

export interface RecallFigures {
  expected: number;
  found: number;
  namesExpected: number;
  namesFound: number;
  /** The terms with an article missing, and which. */
  misses: string[];
}

/** Runs every term through the search page and counts how many of the expected articles were among the results. */
export async function measureRecall(page: Page, terms: RecallTerm[]): Promise<RecallFigures> {
  const figures: RecallFigures = { expected: 0, found: 0, namesExpected: 0, namesFound: 0, misses: [] };
  for (const { kind, term, expected } of terms) {
    const results = new Set(await searchResults(page, term));
    const missing = expected.filter((url) => !results.has(url));
    figures.expected += expected.length;
    figures.found += expected.length - missing.length;
    if (kind === "name") {
      figures.namesExpected += expected.length;
      figures.namesFound += expected.length - missing.length;
    }
    if (missing.length > 0) figures.misses.push(`${kind} ${term}: ${missing.join(", ")}`);
  }
  return figures;
}
