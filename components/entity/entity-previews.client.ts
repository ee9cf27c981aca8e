"use client";

import { useSyncExternalStore } from "react";
import { ENTITY_PREVIEWS_ATTRIBUTE } from "@/lib/site/entity-previews";

function previewsOn(): boolean {
  return document.documentElement.getAttribute(ENTITY_PREVIEWS_ATTRIBUTE) !== "off";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [ENTITY_PREVIEWS_ATTRIBUTE] });
  return () => observer.disconnect();
}

/** Whether the reader wants entity previews, following <html data-entity-previews>; null while server-rendering. */
export function useEntityPreviews(): boolean | null {
  return useSyncExternalStore<boolean | null>(subscribe, previewsOn, () => null);
}
