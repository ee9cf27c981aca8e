import type { EntityCard } from "@/lib/store/model";
import { TitleText } from "@/components/article/title-text";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { EntityAvatar } from "./entity-avatar";
import { EntityPreviewsToggle } from "./entity-previews-toggle.client";

/**
 * “本文提及”: every entity the article links to, with what the hover card
 * shows. Rendered on the server, so readers without JavaScript and screen
 * readers get the same content; `entity-hover-cards.client.tsx` reuses each
 * entry's `[data-card-body]` as the floating card.
 */
export function EntityCards({ entities }: { entities: EntityCard[] }) {
  if (entities.length === 0) return null;
  return (
    <section aria-labelledby="entity-cards-title" id="entity-cards" className="mt-12 border-t border-line pt-8">
      <div className="flex items-center justify-between gap-4">
        <h2 id="entity-cards-title" className="text-base font-semibold text-ink-body">
          {ui.mentionedEntities}
        </h2>
        <EntityPreviewsToggle />
      </div>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {entities.map((entity) => (
          <li key={entity.key} data-entity-card={entity.key} className="entity-card">
            <EntityCardBody entity={entity} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The card's styles live in globals.css under `.entity-card-*`, not in utility classes here: an article repeats
 * this markup for every entity (twenty in the seed), and every class string is written twice per page, into the
 * HTML and into the RSC payload.
 */
function EntityCardBody({ entity }: { entity: EntityCard }) {
  return (
    <div data-card-body="" className="entity-card-body">
      <div className="entity-card-head">
        {/* The logo is loaded only when a card opens (by the client island), never with the page. */}
        <EntityAvatar name={entity.name} logo={entity.logo} />
        <div className="min-w-0">
          <p data-card-title="" className="entity-card-name">{entity.name}</p>
          <p className="entity-card-kind">{ui.entityKind(entity.referType)}</p>
        </div>
      </div>
      <p className="entity-card-count">
        {/* A plain link for the same reason as the mentions below. */}
        <a href={urls.entity(entity.key)}>{ui.entityMentions(entity.mentionCount)}</a>
      </p>
      {entity.mentions.length > 0 ? (
        <ul aria-label={ui.entityOtherArticles} className="entity-card-mentions">
          {entity.mentions.map((mention) => (
            <li key={mention.slug}>
              {/* A plain link, not next/link: the floating card is a clone that React does not own, and a
                  next/link here would prefetch up to sixty articles once this section scrolls into view. */}
              <a href={urls.article(mention.slug)} className="title-words">
                <TitleText title={mention.title} breaks={mention.titleBreaks} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {entity.href ? (
        <a href={entity.href} target="_blank" rel="noopener noreferrer" className="entity-card-site">
          {ui.entitySite(entity.referType)} <span aria-hidden="true">↗</span>
        </a>
      ) : null}
    </div>
  );
}
