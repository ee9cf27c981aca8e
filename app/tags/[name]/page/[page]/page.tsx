import type { Metadata } from "next";
import { NamedGroupListing, namedGroupMetadata } from "@/components/list/named-group-pages";
import { groupPageStaticParams } from "@/lib/site/named-groups";

type Props = { params: Promise<{ name: string; page: string }> };

export function generateStaticParams() {
  return groupPageStaticParams("tags");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, page } = await params;
  return namedGroupMetadata("tags", name, page);
}

export default async function Page({ params }: Props) {
  const { name, page } = await params;
  return <NamedGroupListing kind="tags" nameParam={name} pageParam={page} />;
}
