import type { ArticleLink, EntityCard } from "../../store/model";
import type { EntityRef } from "../sanitize/sanitized-body";

const MENTIONS_PER_CARD = 3;
/** A logo URL used by this many different entities is the source's placeholder, not a logo. */
const PLACEHOLDER_LOGO_THRESHOLD = 3;

/** What the cards of every article draw on: who mentions each entity, and which logos are placeholders. */
export interface EntityIndex {
  /** Ids of the articles mentioning each entity (by key), newest first. */
  mentions: Map<string, number[]>;
  placeholderLogos: Set<string>;
}

/** Indexes the entities of every article (`entitiesByArticle[id]`, articles newest first). */
export function indexEntities(entitiesByArticle: EntityRef[][]): EntityIndex {
  const mentions = new Map<string, number[]>();
  const keysByLogo = new Map<string, Set<string>>();
  entitiesByArticle.forEach((entities, id) => {
    for (const entity of entities) {
      const list = mentions.get(entity.key) ?? [];
      if (list.at(-1) !== id) list.push(id);
      mentions.set(entity.key, list);
      if (!entity.logo) continue;
      const keys = keysByLogo.get(entity.logo) ?? new Set<string>();
      keys.add(entity.key);
      keysByLogo.set(entity.logo, keys);
    }
  });
  const placeholderLogos = new Set(Array.from(keysByLogo).filter(([, keys]) => keys.size >= PLACEHOLDER_LOGO_THRESHOLD).map(([logo]) => logo));
  return { mentions, placeholderLogos };
}

/** One card per entity the article mentions, in first-mention order, with up to three other articles naming it. */
export function entityCards(entities: EntityRef[], articleId: number, index: EntityIndex, link: (id: number) => ArticleLink | null): EntityCard[] {
  const cards = new Map<string, EntityCard>();
  for (const entity of entities) {
    if (cards.has(entity.key)) continue;
    const mentioning = index.mentions.get(entity.key) ?? [articleId];
    cards.set(entity.key, {
      key: entity.key,
      name: entity.name,
      referType: entity.referType,
      logo: entity.logo && !index.placeholderLogos.has(entity.logo) ? entity.logo : null,
      href: entity.href,
      mentionCount: mentioning.length,
      mentions: mentioning
        .filter((id) => id !== articleId)
        .slice(0, MENTIONS_PER_CARD)
        .flatMap((id) => link(id) ?? []),
    });
  }
  return Array.from(cards.values());
}
