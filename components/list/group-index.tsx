import { SiteLink } from "@/components/navigation/site-link";
import { groupKinds, type GroupKind } from "@/lib/site/list-routes";
import type { NamedGroup } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";

/** `/authors`, `/tags`: every name with its article count. */
export function GroupIndex({ kind, groups }: { kind: GroupKind; groups: NamedGroup[] }) {
  const config = groupKinds[kind];
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-ink sm:text-3xl">{config.label}</h1>
      {groups.length === 0 ? (
        <p className="text-ink-meta">{ui.noArticles}</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {groups.map((group) => (
            <li key={group.segment}>
              <SiteLink
                href={config.href(group.segment)}
                className="inline-flex items-baseline gap-2 rounded-lg border border-line px-4 py-2.5 text-ink-body hover:border-accent-500 hover:text-link"
              >
                {kind === "tags" ? `#${group.name}` : group.name}
                <span className="text-sm text-ink-meta">{ui.articleCount(group.count)}</span>
              </SiteLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
