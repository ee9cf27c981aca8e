import Link from "next/link";
import type { EntityCard } from "@/lib/content/model";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

/**
 * “本文提及”: every entity the article links to, with what the hover card
 * shows. Rendered on the server, so readers without JavaScript and screen
 * readers get the same content; `entity-hover-cards.client.tsx` reuses each
 * entry's `[data-card-body]` as the floating card.
 */
export function EntityCards({ entities }: { entities: EntityCard[] }) {
  if (entities.length === 0) return null;
  return (
    <section aria-labelledby="entity-cards-title" id="entity-cards" className="mt-12 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <h2 id="entity-cards-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {ui.mentionedEntities}
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {entities.map((entity) => (
          <li key={entity.key} data-entity-card={entity.key} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <EntityCardBody entity={entity} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntityCardBody({ entity }: { entity: EntityCard }) {
  const initial = Array.from(entity.name.trim())[0]?.toUpperCase() ?? "?";
  return (
    <div data-card-body="" className="flex flex-col gap-2 text-sm">
      <div className="flex items-center gap-3">
        {/* The logo is loaded only when a card opens (by the client island), never with the page. */}
        <span
          aria-hidden="true"
          data-logo={entity.logo ?? undefined}
          className="entity-avatar flex size-10 shrink-0 items-center justify-center overflow-hidden rounded-lg bg-accent-100 text-base font-semibold text-accent-700 dark:bg-accent-700/30 dark:text-accent-300"
        >
          {initial}
        </span>
        <div className="min-w-0">
          <p data-card-title="" className="truncate font-semibold text-zinc-950 dark:text-white">{entity.name}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{ui.entityKind(entity.referType)}</p>
        </div>
      </div>
      <p className="text-zinc-600 dark:text-zinc-300">{ui.entityMentions(entity.mentionCount)}</p>
      {entity.mentions.length > 0 ? (
        <ul aria-label={ui.entityOtherArticles} className="space-y-1">
          {entity.mentions.map((mention) => (
            <li key={mention.slug} className="truncate">
              <Link href={urls.article(mention.slug)} className="text-zinc-700 underline decoration-zinc-300 underline-offset-4 hover:text-accent-700 dark:text-zinc-300 dark:decoration-zinc-600 dark:hover:text-accent-300">
                {mention.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {entity.href ? (
        <a href={entity.href} target="_blank" rel="noopener noreferrer" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
          {ui.entitySite(entity.referType)} <span aria-hidden="true">↗</span>
        </a>
      ) : null}
    </div>
  );
}
