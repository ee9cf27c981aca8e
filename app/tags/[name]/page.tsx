import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { groupListStaticParams, listMetadata, listPageOrRespond, resolveGroupList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ name: string }> };

export function generateStaticParams() {
  return groupListStaticParams("tags");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listMetadata(resolveGroupList("tags", (await params).name));
}

export default async function Page({ params }: Props) {
  return <ListView list={listPageOrRespond(resolveGroupList("tags", (await params).name))} />;
}
