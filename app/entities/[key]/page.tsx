import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { entityListStaticParams, listMetadata, listPageOrRespond, resolveEntityList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ key: string }> };

export function generateStaticParams() {
  return entityListStaticParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listMetadata(resolveEntityList((await params).key));
}

export default async function Page({ params }: Props) {
  return <ListView list={listPageOrRespond(resolveEntityList((await params).key))} />;
}
