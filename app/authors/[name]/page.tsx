import type { Metadata } from "next";
import { NamedGroupListing, namedGroupMetadata } from "@/components/list/named-group-pages";
import { groupStaticParams } from "@/lib/site/named-groups";

type Props = { params: Promise<{ name: string }> };

export function generateStaticParams() {
  return groupStaticParams("authors");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return namedGroupMetadata("authors", (await params).name);
}

export default async function Page({ params }: Props) {
  return <NamedGroupListing kind="authors" nameParam={(await params).name} />;
}
