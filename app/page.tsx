import type { Metadata } from "next";
import { ListView } from "@/components/list/list-view";
import { listMetadata, listPageOrRespond, resolveHomeList } from "@/lib/site/list-routes";

export function generateMetadata(): Metadata {
  return listMetadata(resolveHomeList());
}

export default function HomePage() {
  return <ListView list={listPageOrRespond(resolveHomeList())} />;
}
