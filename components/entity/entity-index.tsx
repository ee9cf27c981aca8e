import { Pagination } from "@/components/list/pagination";
import { SiteLink } from "@/components/navigation/site-link";
import type { EntityIndexPage } from "@/lib/site/list-routes";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { EntityAvatar } from "./entity-avatar";
import { EntityLogoLoader } from "./entity-logo-loader.client";

/** `/entities`: every entity the articles link to, most mentioned first, paginated. */
export function EntityIndex({ index }: { index: EntityIndexPage }) {
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">
        {ui.entities}
        {index.page > 1 ? <span className="ml-3 align-middle text-base font-normal text-ink-meta">{ui.pageOf(index.page, index.totalPages)}</span> : null}
      </h1>
      <p className="mt-2 text-sm text-ink-meta">{ui.entitiesCount(index.total)}</p>
      <ol className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {index.entities.map((entity) => (
          <li key={entity.key}>
            <SiteLink href={urls.entity(entity.key)} className="entity-card flex items-center gap-3 hover:border-accent-500">
              <EntityAvatar name={entity.name} logo={entity.logo} />
              <span className="min-w-0">
                <span className="block truncate font-semibold text-ink">{entity.name}</span>
                <span className="block text-xs text-ink-meta">
                  {ui.entityKind(entity.referType)} · {ui.entityMentions(entity.count)}
                </span>
              </span>
            </SiteLink>
          </li>
        ))}
      </ol>
      <Pagination page={index.page} totalPages={index.totalPages} hrefFor={urls.entities} labels={{ previous: ui.previousPage, next: ui.nextPage }} />
      <EntityLogoLoader />
    </div>
  );
}
