"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * An attribute of <html> that an inline script sets before first paint (ThemeScript: `data-theme`,
 * `data-entity-previews`), followed as it changes; null while server-rendering, when there is no <html> to read.
 */
export function useRootAttribute(name: string): string | null | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const observer = new MutationObserver(onChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: [name] });
      return () => observer.disconnect();
    },
    [name],
  );
  // undefined on the server; null in the browser when the attribute is absent.
  return useSyncExternalStore<string | null | undefined>(subscribe, () => document.documentElement.getAttribute(name), () => undefined);
}
