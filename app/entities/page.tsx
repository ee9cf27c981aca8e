import type { Metadata } from "next";
import { EntityIndex } from "@/components/entity/entity-index";
import { entityIndexOrRespond } from "@/lib/site/list-routes";

export function generateMetadata(): Metadata {
  return entityIndexOrRespond().metadata;
}

export default function Page() {
  return <EntityIndex index={entityIndexOrRespond()} />;
}
