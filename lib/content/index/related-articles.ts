import { NO_RELATED_ARTICLE } from "../../store/format";
import { RELATED_PER_ARTICLE, type ArticleSummary } from "../../store/model";

/** How many of an entity's mentions on each side of the article (in date order) are considered: bounded work. */
const MENTION_WINDOW = 50;
/** How many of an article's entities count, the rarest first: the common ones say little about the article. */
const ENTITIES_CONSIDERED = 12;
/** How many articles on each side (in date order) are candidates, in each level of its category path. */
const CATEGORY_WINDOW = 10;
/** What sharing the article's whole category path is worth, against an entity's weight (its inverse frequency). */
const SAME_CATEGORY = 1;
/** When category and entities find fewer than this, the articles published nearest to it fill up. */
const AT_LEAST = 3;
/** What being published near the article is worth on its own: less than any shared category or entity. */
const NEARBY = 0.01;
/** A year apart halves an article's score. */
const DAYS_TO_HALVE = 365;
const DAY_MS = 86_400_000;

/**
 * The related articles of every article, chosen once at build time from the index — never by scanning the
 * archive per page. A candidate scores the weights of the entities it shares with the article (rare entities
 * weigh more: log of the archive size over the entity's mention count), plus `SAME_CATEGORY` times the share of
 * the article's category path it has in common (科技 › 芯片 shares half with 科技 › 互联网), the sum divided by
 * how far apart they were published (`DAYS_TO_HALVE`). Candidates are the articles near it in date order in
 * each of its entities' mention lists and each level of its category path, so the work per article is bounded
 * whatever the archive size; when they are fewer than `AT_LEAST`, the articles published nearest to it fill up.
 * Ties go to the closer, then the newer article, so the choice is the same on every build of the same content.
 *
 * Returns `RELATED_PER_ARTICLE` ids per article (`related.bin`), best first, `NO_RELATED_ARTICLE` where there
 * are fewer.
 */
export function relatedArticles(summaries: readonly ArticleSummary[], mentions: readonly number[][]): Uint32Array {
  const count = summaries.length;
  const related = new Uint32Array(count * RELATED_PER_ARTICLE).fill(NO_RELATED_ARTICLE);
  if (count < 2) return related;
  const times = Float64Array.from(summaries, (summary) => Date.parse(summary.date));
  // Each article's category path as the keys of its levels: ["科技", "科技/芯片"].
  const levelsOf = summaries.map((summary) => (summary.categories[0]?.segments ?? []).map((_, depth, segments) => segments.slice(0, depth + 1).join("/")));
  const levelLists = new Map<string, number[]>();
  levelsOf.forEach((levels, id) => {
    for (const level of levels) {
      const list = levelLists.get(level) ?? [];
      list.push(id);
      levelLists.set(level, list);
    }
  });
  const weights = mentions.map((ids) => (ids.length < 2 ? 0 : Math.log(count / ids.length) + 0.1));

  const scores = new Float64Array(count);
  const isCandidate = new Uint8Array(count);
  const touched: number[] = [];
  const add = (candidate: number, amount: number): void => {
    if (isCandidate[candidate] === 0) {
      isCandidate[candidate] = 1;
      touched.push(candidate);
    }
    scores[candidate] = (scores[candidate] ?? 0) + amount;
  };

  for (let id = 0; id < count; id += 1) {
    const summary = summaries[id];
    if (!summary) continue;
    const entities = summary.entities
      .filter((number) => (weights[number] ?? 0) > 0)
      .sort((a, b) => (mentions[a]?.length ?? 0) - (mentions[b]?.length ?? 0) || a - b)
      .slice(0, ENTITIES_CONSIDERED);
    for (const number of entities) {
      const weight = weights[number] ?? 0;
      const list = mentions[number] ?? [];
      const [from, to] = around(list, id, MENTION_WINDOW);
      for (let at = from; at < to; at += 1) if (list[at] !== id) add(list[at] ?? id, weight);
    }
    const levels = levelsOf[id] ?? [];
    for (const level of levels) {
      const list = levelLists.get(level) ?? [];
      const [from, to] = around(list, id, CATEGORY_WINDOW);
      for (let at = from; at < to; at += 1) if (list[at] !== id) add(list[at] ?? id, 0);
    }
    for (let step = 1; touched.length < AT_LEAST && step < count; step += 1) {
      if (id - step >= 0) add(id - step, 0);
      if (id + step < count) add(id + step, 0);
    }

    // The best few, kept in order as the candidates are scored (a full sort of a thousand candidates per article
    // was most of this step's time at 100,000 articles).
    const best: { candidate: number; score: number }[] = [];
    for (const candidate of touched) {
      const shared = sharedLevels(levels, levelsOf[candidate] ?? []);
      const category = levels.length === 0 ? 0 : (SAME_CATEGORY * shared) / levels.length;
      const days = Math.abs((times[id] ?? 0) - (times[candidate] ?? 0)) / DAY_MS;
      const entry = { candidate, score: ((scores[candidate] ?? 0) + category + NEARBY) / (1 + days / DAYS_TO_HALVE) };
      let at = best.length;
      while (at > 0 && ranksBefore(entry, best[at - 1], id)) at -= 1;
      if (at < RELATED_PER_ARTICLE) {
        best.splice(at, 0, entry);
        if (best.length > RELATED_PER_ARTICLE) best.pop();
      }
    }
    best.forEach((entry, slot) => {
      related[id * RELATED_PER_ARTICLE + slot] = entry.candidate;
    });
    for (const candidate of touched) {
      scores[candidate] = 0;
      isCandidate[candidate] = 0;
    }
    touched.length = 0;
  }
  return related;
}

/** Higher score first; ties go to the closer in date order, then the newer (lower id). */
function ranksBefore(a: { candidate: number; score: number }, b: { candidate: number; score: number } | undefined, id: number): boolean {
  if (!b) return false;
  if (a.score !== b.score) return a.score > b.score;
  const closer = Math.abs(a.candidate - id) - Math.abs(b.candidate - id);
  return closer !== 0 ? closer < 0 : a.candidate < b.candidate;
}

/** How many levels two category paths (as level keys) have in common from the top. */
function sharedLevels(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared += 1;
  return shared;
}

/** Where (from, to) the ids of `sorted` (ascending) within `window` places of `id` are. */
function around(sorted: readonly number[], id: number, window: number): [number, number] {
  if (sorted.length <= window * 2 + 1) return [0, sorted.length];
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < id) low = middle + 1;
    else high = middle;
  }
  const start = Math.max(0, Math.min(low - window, sorted.length - window * 2 - 1));
  return [start, start + window * 2 + 1];
}
