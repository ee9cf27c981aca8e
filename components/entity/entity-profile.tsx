import type { ReactNode } from "react";
import { SiteLink } from "@/components/navigation/site-link";
import type { EntityRecord } from "@/lib/store/model";
import { formatDate } from "@/lib/site/dates";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { EntityAvatar } from "./entity-avatar";
import { EntityLogoLoader } from "./entity-logo-loader.client";

/** The heading of an entity's page: its avatar and name. */
export function EntityHeading({ entity }: { entity: EntityRecord }) {
  return (
    <span className="flex items-center gap-4">
      <EntityAvatar name={entity.name} logo={entity.logo} large />
      <span className="min-w-0 break-words">{entity.name}</span>
    </span>
  );
}

/**
 * Under the heading: what kind of entity it is and its page on the source site, how often and when the archive
 * mentions it, and the entities named with it most often.
 */
export function EntityFacts({ entity, feed }: { entity: EntityRecord; feed: ReactNode }) {
  return (
    <div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-meta">
        <span>{ui.entityKind(entity.referType)}</span>
        {entity.href ? (
          <a href={entity.href} target="_blank" rel="noopener noreferrer" className="font-medium text-link hover:underline">
            {ui.entitySite(entity.referType)} <span aria-hidden="true">↗</span>
          </a>
        ) : null}
        {feed}
      </p>
      <dl className="mt-5 grid grid-cols-3 gap-2 text-sm sm:gap-3">
        <Fact label={ui.entityMentionsLabel} value={ui.articleCount(entity.count)} />
        <Fact label={ui.entityFirstMention} value={<time dateTime={entity.firstMention}>{formatDate(entity.firstMention)}</time>} />
        <Fact label={ui.entityLastMention} value={<time dateTime={entity.lastMention}>{formatDate(entity.lastMention)}</time>} />
      </dl>
      {entity.together.length > 0 ? (
        <nav aria-labelledby="entities-together" className="mt-5">
          <h2 id="entities-together" className="text-sm font-medium text-ink-soft">
            {ui.entitiesTogether}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {entity.together.map((other) => (
              <li key={other.key}>
                <SiteLink href={urls.entity(other.key)} className="chip">
                  {other.name}
                  <span className="text-xs text-ink-meta">{ui.entityTogetherCount(other.count)}</span>
                </SiteLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2 className="mt-8 text-sm font-medium text-ink-soft">{ui.entityMentionsOf(entity.name)}</h2>
      <EntityLogoLoader />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="rounded-lg border border-line px-2.5 py-2 sm:px-3">
      <dt className="text-xs text-ink-meta">{label}</dt>
      <dd className="mt-0.5 text-[13px] font-medium whitespace-nowrap text-ink-body sm:text-sm">{value}</dd>
    </div>
  );
}
