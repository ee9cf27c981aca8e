import { ENTITIES_TOGETHER, MENTIONS_PER_CARD, type ArticleLink, type ArticleSummary, type EntityRecord } from "../../store/model";
import type { EntityRef } from "../sanitize/sanitized-body";
import type { ListBuffer } from "./list-buffer";

/** A logo URL used by this many different entities is the source's placeholder, not a logo. */
const PLACEHOLDER_LOGO_THRESHOLD = 3;

/**
 * The entities of the whole archive, collected as the posts are read (in whatever order they finish): one entry
 * per key, so each article keeps only numbers. When articles spell an entity differently (name, logo), the
 * newest article's version wins, whatever the order they were read in.
 */
export class EntityTable {
  private readonly numbers = new Map<string, number>();
  private readonly entries: { ref: EntityRef; date: string; slug: string }[] = [];
  private readonly keysByLogo = new Map<string, Set<string>>();

  /** The article's entities as numbers in this table, each once, in first-mention order. */
  intern(entities: readonly EntityRef[], article: { date: string; slug: string }): number[] {
    const found: number[] = [];
    for (const ref of entities) {
      let number = this.numbers.get(ref.key);
      if (number === undefined) {
        number = this.entries.length;
        this.numbers.set(ref.key, number);
        this.entries.push({ ref, ...article });
      } else {
        const entry = this.entries[number];
        if (entry && isNewer(article, entry)) this.entries[number] = { ref, ...article };
      }
      if (ref.logo) {
        const keys = this.keysByLogo.get(ref.logo) ?? new Set<string>();
        keys.add(ref.key);
        this.keysByLogo.set(ref.logo, keys);
      }
      if (!found.includes(number)) found.push(number);
    }
    return found;
  }

  /**
   * The store's entity records, most-mentioned first, ties the most recently mentioned first (by article id, so
   * the numbering does not depend on the order posts were read in). `entitiesById[id]` are the numbers `intern` gave article
   * `id`; returns the records, per article its entities renumbered, and per entity the ids of the articles that
   * mention it (newest first), which the related-articles step reads.
   */
  finish(entitiesById: readonly number[][], summaries: readonly ArticleSummary[], lists: ListBuffer): EntityIndex {
    // Numbered as met from the newest article on, then renumbered most mentioned first.
    const firstSeen = new Map<number, number>();
    const mentionsBySeen: number[][] = [];
    const seenOrder: number[] = [];
    entitiesById.forEach((numbers, id) => {
      for (const number of numbers) {
        let seen = firstSeen.get(number);
        if (seen === undefined) {
          seen = seenOrder.length;
          firstSeen.set(number, seen);
          seenOrder.push(number);
          mentionsBySeen.push([]);
        }
        mentionsBySeen[seen]?.push(id);
      }
    });
    const ranked = seenOrder.map((_, seen) => seen).sort((a, b) => (mentionsBySeen[b]?.length ?? 0) - (mentionsBySeen[a]?.length ?? 0) || a - b);
    const finalOfSeen = new Array<number>(ranked.length);
    ranked.forEach((seen, final) => {
      finalOfSeen[seen] = final;
    });
    const byArticle = entitiesById.map((numbers) => numbers.map((number) => finalOfSeen[firstSeen.get(number) ?? -1] ?? -1));
    const mentions = ranked.map((seen) => mentionsBySeen[seen] ?? []);
    const together = mentionedTogether(mentions, byArticle);
    const link = (id: number): ArticleLink | null => {
      const summary = summaries[id];
      return summary ? { slug: summary.slug, title: summary.title, titleBreaks: summary.titleBreaks } : null;
    };
    const refs = ranked.map((seen) => {
      const entry = this.entries[seenOrder[seen] ?? -1];
      if (!entry) throw new Error(`unreachable: entity ${seen}`);
      return entry.ref;
    });
    const records = refs.map((ref, final): EntityRecord => {
      const ids = mentions[final] ?? [];
      return {
        key: ref.key,
        name: ref.name,
        referType: ref.referType,
        logo: ref.logo && (this.keysByLogo.get(ref.logo)?.size ?? 0) < PLACEHOLDER_LOGO_THRESHOLD ? ref.logo : null,
        href: ref.href,
        count: ids.length,
        list: lists.add(ids),
        // One more than a card shows, so the card of an article that is among them still has three others.
        recent: ids.slice(0, MENTIONS_PER_CARD + 1).flatMap((id) => link(id) ?? []),
        firstMention: summaries[ids.at(-1) ?? -1]?.date ?? "",
        lastMention: summaries[ids[0] ?? -1]?.date ?? "",
        together: (together[final] ?? []).map(({ number, count }) => ({ key: refs[number]?.key ?? "", name: refs[number]?.name ?? "", count })),
      };
    });
    return { records, entitiesById: byArticle, mentions };
  }
}

export interface EntityIndex {
  /** By entity number: most mentioned first. */
  records: EntityRecord[];
  /** By article id: its entities' numbers, in first-mention order. */
  entitiesById: number[][];
  /** By entity number: the ids of the articles mentioning it, newest first. */
  mentions: number[][];
}

/** How many of an entity's newest mentions are read for the entities named with it: bounded work per entity. */
const TOGETHER_SAMPLE = 500;

/**
 * Per entity, the entities most often named in the same articles (in its newest `TOGETHER_SAMPLE` mentions),
 * most shared first, then most mentioned overall (lower number). One counter array for all, so the work is the
 * number of mentions read, not the square of the entity count.
 */
function mentionedTogether(mentions: readonly number[][], entitiesById: readonly number[][]): { number: number; count: number }[][] {
  const counts = new Uint32Array(mentions.length);
  const touched: number[] = [];
  return mentions.map((ids, self) => {
    for (const id of ids.slice(0, TOGETHER_SAMPLE)) {
      for (const other of entitiesById[id] ?? []) {
        if (other === self) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other] = (counts[other] ?? 0) + 1;
      }
    }
    const found = touched.map((number) => ({ number, count: counts[number] ?? 0 }));
    for (const number of touched) counts[number] = 0;
    touched.length = 0;
    return found
      .sort((a, b) => b.count - a.count || a.number - b.number)
      .slice(0, ENTITIES_TOGETHER);
  });
}

function isNewer(a: { date: string; slug: string }, b: { date: string; slug: string }): boolean {
  return a.date > b.date || (a.date === b.date && a.slug < b.slug);
}
