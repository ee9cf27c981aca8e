"use client";

import { ENTITY_PREVIEWS_ATTRIBUTE, ENTITY_PREVIEWS_STORAGE_KEY } from "@/lib/site/entity-previews";
import { ui } from "@/lib/site/ui-text";
import { useEntityPreviews } from "./entity-previews.client";

/** A switch beside “本文提及” that turns the hover cards off and on again, remembered across visits. */
export function EntityPreviewsToggle() {
  const on = useEntityPreviews();
  // Without JavaScript there are no cards to turn off: render nothing until hydrated.
  if (on === null) return null;
  const flip = (): void => {
    const root = document.documentElement;
    try {
      if (on) localStorage.setItem(ENTITY_PREVIEWS_STORAGE_KEY, "off");
      else localStorage.removeItem(ENTITY_PREVIEWS_STORAGE_KEY);
    } catch {
      // private mode: the choice lasts for this page only
    }
    if (on) root.setAttribute(ENTITY_PREVIEWS_ATTRIBUTE, "off");
    else root.removeAttribute(ENTITY_PREVIEWS_ATTRIBUTE);
  };
  return (
    <button type="button" role="switch" aria-checked={on} onClick={flip} className="previews-switch">
      <span aria-hidden="true" className="previews-switch-track" />
      {ui.entityPreviews}
    </button>
  );
}
