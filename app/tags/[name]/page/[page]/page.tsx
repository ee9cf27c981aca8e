import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { groupListPageStaticParams, listMetadata, listPageOrRespond, resolveGroupList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ name: string; page: string }> };

export function generateStaticParams() {
  return groupListPageStaticParams("tags");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, page } = await params;
  return listMetadata(resolveGroupList("tags", name, page));
}

export default async function Page({ params }: Props) {
  const { name, page } = await params;
  return <ListView list={listPageOrRespond(resolveGroupList("tags", name, page))} />;
}
