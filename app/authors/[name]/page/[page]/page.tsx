import type { Metadata } from "next";
import { NamedGroupListing, namedGroupMetadata } from "@/components/list/named-group-pages";
import { groupPageStaticParams } from "@/lib/site/named-groups";

type Props = { params: Promise<{ name: string; page: string }> };

export function generateStaticParams() {
  return groupPageStaticParams("authors");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, page } = await params;
  return namedGroupMetadata("authors", name, page);
}

export default async function Page({ params }: Props) {
  const { name, page } = await params;
  return <NamedGroupListing kind="authors" nameParam={name} pageParam={page} />;
}
