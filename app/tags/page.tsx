import { GroupIndex } from "@/components/list/group-index";
import { groupIndexOrNotFound, groupKinds } from "@/lib/site/list-routes";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata = pageMetadata({ title: groupKinds.tags.label, path: groupKinds.tags.indexHref() });

export default function Page() {
  return <GroupIndex kind="tags" groups={groupIndexOrNotFound("tags")} />;
}
