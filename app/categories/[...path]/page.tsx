import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { categoryListStaticParams, listMetadata, listPageOrRespond, resolveCategoryList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return categoryListStaticParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listMetadata(resolveCategoryList((await params).path));
}

export default async function CategoryPage({ params }: Props) {
  return <ListView list={listPageOrRespond(resolveCategoryList((await params).path))} />;
}
