import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { homeListStaticParams, listMetadata, listPageOrRespond, resolveHomeList } from "@/lib/site/list-routes";

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return homeListStaticParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listMetadata(resolveHomeList((await params).page));
}

export default async function HomePageN({ params }: Props) {
  return <ListView list={listPageOrRespond(resolveHomeList((await params).page))} />;
}
