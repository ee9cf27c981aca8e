import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { listMetadata, listPageOrRespond, resolveEntityList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ key: string; page: string }> };

// Rendered on first request and cached: an entity's later pages are read far less than its first.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key, page } = await params;
  return listMetadata(resolveEntityList(key, page));
}

export default async function Page({ params }: Props) {
  const { key, page } = await params;
  return <ListView list={listPageOrRespond(resolveEntityList(key, page))} />;
}
