import { MENTIONS_PER_CARD, type ArticleLink, type EntityRecord } from "../../store/model";
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
   * The store's entity records, numbered by first mention in date order (so the numbering does not depend on
   * the order posts were read in). `entitiesById[id]` are the numbers `intern` gave article `id`; returns the
   * records and, per article, its entities renumbered.
   */
  finish(entitiesById: readonly number[][], link: (id: number) => ArticleLink | null, lists: ListBuffer): { records: EntityRecord[]; entitiesById: number[][] } {
    const renumbered = new Map<number, number>();
    const mentions: number[][] = [];
    const order: number[] = [];
    const byArticle = entitiesById.map((numbers, id) =>
      numbers.map((number) => {
        let final = renumbered.get(number);
        if (final === undefined) {
          final = order.length;
          renumbered.set(number, final);
          order.push(number);
          mentions.push([]);
        }
        mentions[final]?.push(id);
        return final;
      }),
    );
    const records = order.map((number, final): EntityRecord => {
      const entry = this.entries[number];
      if (!entry) throw new Error(`unreachable: entity ${number}`);
      const ids = mentions[final] ?? [];
      const { ref } = entry;
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
      };
    });
    return { records, entitiesById: byArticle };
  }
}

function isNewer(a: { date: string; slug: string }, b: { date: string; slug: string }): boolean {
  return a.date > b.date || (a.date === b.date && a.slug < b.slug);
}
