import type { ArticleLink, EntityCard } from "@/lib/store/model";
import { isIntegerArray, isRecord } from "@/lib/util/is-record";

/**
 * The parts of an article's page that are sent once, in its HTML, and not again in the page's inline data: the
 * body and the entity cards of “本文提及” (article-parts-source.ts says why and how).
 */
export interface ArticleParts {
  /** The sanitized body HTML. */
  html: string;
  entities: EntityCard[];
}

function isArticleLink(value: unknown): value is ArticleLink {
  return (
    isRecord(value) &&
    typeof value.slug === "string" &&
    typeof value.title === "string" &&
    isIntegerArray(value.titleBreaks)
  );
}

function isEntityCard(value: unknown): value is EntityCard {
  return (
    isRecord(value) &&
    ["key", "name", "referType", "href"].every((name) => typeof value[name] === "string") &&
    (value.logo === null || typeof value.logo === "string") &&
    typeof value.mentionCount === "number" &&
    Array.isArray(value.mentions) &&
    value.mentions.every(isArticleLink)
  );
}

/** Whether a value parsed from the parts endpoint's JSON is what it should be. */
export function isArticleParts(value: unknown): value is ArticleParts {
  return isRecord(value) && typeof value.html === "string" && Array.isArray(value.entities) && value.entities.every(isEntityCard);
}
