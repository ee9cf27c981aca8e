"use client";

import { useEffect } from "react";
import { EntityPopover } from "./hover-cards/entity-popover";
import { catchUpWithReader, entityLinks, followReaderInput } from "./hover-cards/reader-input";

/**
 * Turns the body's `a.project-link` anchors into hover cards (`hover-cards/`). The card content is the
 * server-rendered entry from “本文提及”, cloned; no request is made except for the logo, which loads (without a
 * Referer) when a card first opens.
 */
export function EntityHoverCards() {
  useEffect(() => {
    const links = entityLinks();
    if (links.length === 0) return;
    const popover = new EntityPopover(links);
    const stopListening = followReaderInput(popover);
    catchUpWithReader(popover, links);
    return () => {
      popover.close();
      popover.element.remove();
      stopListening();
    };
  }, []);
  return null;
}
