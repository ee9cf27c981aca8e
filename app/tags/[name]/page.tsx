import type { Metadata } from "next";
import { NamedGroupListing, namedGroupMetadata } from "@/components/list/named-group-pages";
import { groupStaticParams } from "@/lib/site/named-groups";

type Props = { params: Promise<{ name: string }> };

export function generateStaticParams() {
  return groupStaticParams("tags");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return namedGroupMetadata("tags", (await params).name);
}

export default async function Page({ params }: Props) {
  return <NamedGroupListing kind="tags" nameParam={(await params).name} />;
}
