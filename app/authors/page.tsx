import { GroupIndex } from "@/components/list/group-index";
import { groupIndexOrNotFound, groupKinds } from "@/lib/site/list-routes";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata = pageMetadata({ title: groupKinds.authors.label, path: groupKinds.authors.indexHref() });

export default function Page() {
  return <GroupIndex kind="authors" groups={groupIndexOrNotFound("authors")} />;
}
