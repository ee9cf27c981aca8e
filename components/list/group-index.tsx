import Link from "next/link";
import { groupKinds, type GroupKind } from "@/lib/site/list-routes";
import type { NamedGroup } from "@/lib/store/model";
import { ui } from "@/lib/site/ui-text";

/** `/authors`, `/tags`: every name with its article count. */
export function GroupIndex({ kind, groups }: { kind: GroupKind; groups: NamedGroup[] }) {
  const config = groupKinds[kind];
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-8 text-2xl font-bold tracking-tight text-zinc-950 sm:text-3xl dark:text-white">{config.label}</h1>
      {groups.length === 0 ? (
        <p className="text-zinc-500">{ui.noArticles}</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {groups.map((group) => (
            <li key={group.segment}>
              <Link
                href={config.href(group.segment)}
                className="inline-flex items-baseline gap-2 rounded-lg border border-zinc-200 px-4 py-2.5 text-zinc-800 hover:border-accent-500 hover:text-accent-700 dark:border-zinc-700 dark:text-zinc-200 dark:hover:text-accent-300"
              >
                {kind === "tags" ? `#${group.name}` : group.name}
                <span className="text-sm text-zinc-400">{ui.articleCount(group.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
