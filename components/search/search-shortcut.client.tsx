"use client";

import { useEffect } from "react";

/** Whether the key press belongs to something the reader is typing into. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

/**
 * `/` anywhere on the page (outside a text field) goes to search, as on GitHub and MDN: the search page's own box
 * when there is one, else the header's box, else (on a phone, where the header has none) the search page.
 */
export function SearchShortcut({ inputId, searchPath }: { inputId: string; searchPath: string }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      const box = document.querySelector<HTMLInputElement>("main input[type=search]") ?? document.getElementById(inputId);
      if (box instanceof HTMLInputElement && box.offsetParent !== null) {
        box.focus();
        box.select();
      } else window.location.assign(searchPath);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [inputId, searchPath]);
  return null;
}
