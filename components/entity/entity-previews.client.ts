"use client";

import { useRootAttribute } from "@/components/layout/use-root-attribute.client";
import { ENTITY_PREVIEWS_ATTRIBUTE } from "@/lib/site/entity-previews";

/** Whether the reader wants entity previews, following <html data-entity-previews>; null while server-rendering. */
export function useEntityPreviews(): boolean | null {
  const value = useRootAttribute(ENTITY_PREVIEWS_ATTRIBUTE);
  return value === undefined ? null : value !== "off";
}
