import type { Metadata } from "next";
import { EntityIndex } from "@/components/entity/entity-index";
import { entityIndexOrRespond, entityIndexStaticParams } from "@/lib/site/list-routes";

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return entityIndexStaticParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return entityIndexOrRespond((await params).page).metadata;
}

export default async function Page({ params }: Props) {
  return <EntityIndex index={entityIndexOrRespond((await params).page)} />;
}
