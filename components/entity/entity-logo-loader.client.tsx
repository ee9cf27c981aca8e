"use client";

import { useEffect } from "react";
import { loadAvatarLogo } from "./hover-cards/entity-logo";

/** Loads the logos of the avatars on an entity page or the entity index once the page is shown. */
export function EntityLogoLoader() {
  useEffect(() => {
    for (const avatar of document.querySelectorAll<HTMLElement>("main .entity-avatar[data-logo]")) loadAvatarLogo(avatar);
  }, []);
  return null;
}
