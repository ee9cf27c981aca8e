import type { EntityCard } from "@/lib/store/model";
import { TitleText } from "@/components/article/title-text";
import { SiteLink } from "@/components/navigation/site-link";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { EntityAvatar } from "./entity-avatar";

/** The entries of “本文提及”, one per entity (rendered by `EntityCardListIsland`, on the server or in the browser). */
export function EntityCardItems({ entities }: { entities: EntityCard[] }) {
  return entities.map((entity) => (
    <li key={entity.key} data-entity-card={entity.key} className="entity-card">
      <EntityCardBody entity={entity} />
    </li>
  ));
}

/**
 * The card's styles live in globals.css under `.entity-card-*`, not in utility classes here: an article repeats
 * this markup for every entity it names (seventeen in the seed).
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
        <SiteLink href={urls.entity(entity.key)}>{ui.entityMentions(entity.mentionCount)}</SiteLink>
      </p>
      {entity.mentions.length > 0 ? (
        <ul aria-label={ui.entityOtherArticles} className="entity-card-mentions">
          {entity.mentions.map((mention) => (
            <li key={mention.slug}>
              <SiteLink href={urls.article(mention.slug)} className="title-words">
                <TitleText title={mention.title} breaks={mention.titleBreaks} />
              </SiteLink>
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
