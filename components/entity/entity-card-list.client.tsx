"use client";

import { useArticleParts } from "@/components/article/use-article-parts.client";
import { EntityCardItems } from "./entity-card-items";

const LIST_ELEMENT_ID = "entity-card-list";

/**
 * The list of “本文提及”, sent once (components/article/article-parts-source.ts): rendered from the store on the
 * server, adopted as it is when hydrating, rendered from the fetched parts after a client navigation. Until they
 * arrive the list is empty; if they cannot be fetched the body says so.
 */
export function EntityCardListIsland({ slug, className }: { slug: string; className: string }) {
  const state = useArticleParts(slug, LIST_ELEMENT_ID);
  if (state.kind === "adopted") return <ul id={LIST_ELEMENT_ID} data-slug={slug} className={className} dangerouslySetInnerHTML={{ __html: state.innerHtml }} />;
  return (
    <ul id={LIST_ELEMENT_ID} data-slug={slug} className={className}>
      {state.kind === "parts" ? <EntityCardItems entities={state.parts.entities} /> : null}
    </ul>
  );
}
