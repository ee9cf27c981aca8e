import { NamedGroupIndex } from "@/components/list/named-group-pages";
import { pageMetadata } from "@/lib/site/metadata";
import { groupKinds } from "@/lib/site/named-groups";

export const metadata = pageMetadata({ title: groupKinds.tags.label, path: groupKinds.tags.indexHref() });

export default function Page() {
  return <NamedGroupIndex kind="tags" />;
}
