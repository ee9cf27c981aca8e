import { ui } from "@/lib/site/ui-text";
import { EntityCardListIsland } from "./entity-card-list.client";
import { EntityPreviewsToggle } from "./entity-previews-toggle.client";

/**
 * “本文提及”: every entity the article links to, with what the hover card shows. Rendered into the page's HTML, so
 * readers without JavaScript and screen readers get the same content, but not into its inline data: the list is
 * an island that adopts the server's HTML (entity-card-list.client.tsx). `entity-hover-cards.client.tsx` reuses
 * each entry's `[data-card-body]` as the floating card.
 */
export function EntityCards({ slug, count }: { slug: string; count: number }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby="entity-cards-title" id="entity-cards" className="mt-12 border-t border-line pt-8">
      <div className="flex items-center justify-between gap-4">
        <h2 id="entity-cards-title" className="text-base font-semibold text-ink-body">
          {ui.mentionedEntities}
        </h2>
        <EntityPreviewsToggle />
      </div>
      <EntityCardListIsland slug={slug} className="mt-4 grid gap-3 sm:grid-cols-2" />
    </section>
  );
}
