"use client";

import { useEffect } from "react";

/**
 * Keeps the focused link of the header's sideways-scrolling category row fully in view. Chromium scrolls a
 * focused element into view only when none of it shows, so Tab could stop on a link cut off at the row's edge.
 */
export function FocusedLinkInView({ rowId }: { rowId: string }) {
  useEffect(() => {
    const row = document.getElementById(rowId);
    if (!row) return;
    const onFocus = (event: FocusEvent): void => {
      if (event.target instanceof HTMLElement) event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
    };
    row.addEventListener("focusin", onFocus);
    return () => row.removeEventListener("focusin", onFocus);
  }, [rowId]);
  return null;
}
