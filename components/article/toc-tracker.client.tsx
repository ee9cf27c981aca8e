"use client";

import { useEffect } from "react";

/**
 * Highlights the section being read in every table of contents on the page,
 * keeps it in view inside a long sidebar, and folds the phone TOC after a jump.
 * The TOC itself is server-rendered; this only adds behaviour.
 */
export function TocTracker({ ids }: { ids: string[] }) {
  useEffect(() => {
    const headings = ids.map((id) => document.getElementById(id)).filter((element): element is HTMLElement => element !== null);
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-toc-target]"));
    if (headings.length === 0 || links.length === 0) return;
    let activeId: string | null = null;
    let frame = 0;

    const headerOffset = (): number => (document.getElementById("site-header")?.getBoundingClientRect().height ?? 56) + 24;

    const setActive = (id: string | null): void => {
      if (id === activeId) return;
      activeId = id;
      for (const link of links) {
        if (link.dataset.tocTarget === id) {
          link.setAttribute("aria-current", "location");
          keepInView(link);
        } else link.removeAttribute("aria-current");
      }
    };

    const update = (): void => {
      frame = 0;
      const threshold = headerOffset();
      let current: HTMLElement | null = null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= threshold) current = heading;
        else break;
      }
      // At the very bottom the last sections may never reach the top: the last one is being read.
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      setActive(atBottom ? (headings.at(-1)?.id ?? null) : (current?.id ?? null));
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };

    const onClick = (event: MouseEvent): void => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-toc-target]") : null;
      if (!link) return;
      setActive(link.dataset.tocTarget ?? null);
      const details = link.closest("details");
      if (details) details.open = false;
    };

    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    window.addEventListener("hashchange", schedule);
    document.addEventListener("click", onClick);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      window.removeEventListener("hashchange", schedule);
      document.removeEventListener("click", onClick);
    };
  }, [ids]);
  return null;
}

/** Scrolls a long TOC (not the page) so the highlighted entry stays visible. */
function keepInView(link: HTMLElement): void {
  const container = link.closest<HTMLElement>("[data-toc]");
  if (!container || container.scrollHeight <= container.clientHeight) return;
  const linkBox = link.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  if (linkBox.top < box.top + 24 || linkBox.bottom > box.bottom - 24) {
    container.scrollTop += linkBox.top - box.top - box.height / 3;
  }
}
