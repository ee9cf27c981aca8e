"use client";

import { useEffect } from "react";
import { useEntityPreviews } from "./entity-previews.client";
import { EntityPopover } from "./hover-cards/entity-popover";
import { catchUpWithReader, entityLinks, followReaderInput } from "./hover-cards/reader-input";

/**
 * Turns the body's `a.project-link` anchors into hover cards (`hover-cards/`). The card content is the
 * server-rendered entry from “本文提及”, cloned; no request is made except for the logo, which loads (without a
 * Referer) when a card first opens. When the reader turns previews off (`EntityPreviewsToggle`), the links go back
 * to plain links until they are turned on again.
 */
export function EntityHoverCards() {
  const previewsOn = useEntityPreviews();
  useEffect(() => {
    if (!previewsOn) return;
    const links = entityLinks();
    if (links.length === 0) return;
    const popover = new EntityPopover(links);
    const stopListening = followReaderInput(popover);
    catchUpWithReader(popover, links);
    return () => {
      stopListening();
      popover.detach();
    };
  }, [previewsOn]);
  return null;
}
