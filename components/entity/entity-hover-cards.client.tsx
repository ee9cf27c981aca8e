"use client";

import { useEffect } from "react";
import { ui } from "@/lib/site/ui-text";

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 200;
const GAP_PX = 8;
const MARGIN_PX = 8;

/**
 * Turns the body's `a.project-link` anchors into hover cards. The card content
 * is the server-rendered entry from “本文提及”, cloned; no request is made
 * except for the logo, which loads (without a Referer) when a card first opens.
 * Mouse: rest on the link. Keyboard: focus it, Tab into the card, Esc closes.
 * Touch: the first tap opens the card (it holds the link onward), a tap elsewhere closes it.
 */
export function EntityHoverCards() {
  useEffect(() => {
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(".article-body a.project-link[data-entity]"));
    if (links.length === 0) return;

    const card = document.createElement("div");
    card.id = "entity-popover";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-modal", "false");
    card.className =
      "entity-popover not-prose fixed z-50 w-[min(20rem,calc(100vw-16px))] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-4 text-left shadow-xl shadow-zinc-900/10 dark:border-zinc-700 dark:bg-zinc-900 dark:shadow-black/40";
    card.hidden = true;

    let owner: HTMLAnchorElement | null = null;
    let openTimer = 0;
    let closeTimer = 0;
    let lastPointerType = "mouse";

    const templateFor = (link: HTMLAnchorElement): Element | null => {
      const key = link.dataset.entity ?? "";
      return Array.from(document.querySelectorAll("[data-entity-card]")).find((item) => item.getAttribute("data-entity-card") === key)?.querySelector("[data-card-body]") ?? null;
    };

    for (const link of links) {
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", card.id);
    }

    const loadLogo = (root: Element): void => {
      const avatar = root.querySelector<HTMLElement>(".entity-avatar[data-logo]");
      const src = avatar?.dataset.logo;
      if (!avatar || !src || !/^https?:\/\//i.test(src)) return;
      const image = new Image();
      image.referrerPolicy = "no-referrer";
      image.decoding = "async";
      image.alt = "";
      image.className = "size-full object-cover bg-white";
      // The initial stays until the logo has loaded; a failed logo leaves it in place.
      image.onload = () => avatar.replaceChildren(image);
      image.src = src;
    };

    const position = (): void => {
      if (!owner || card.hidden) return;
      const rects = Array.from(owner.getClientRects());
      const first = rects[0] ?? owner.getBoundingClientRect();
      const last = rects.at(-1) ?? first;
      const viewportWidth = document.documentElement.clientWidth;
      const viewportHeight = window.innerHeight;
      card.style.maxHeight = "";
      const width = card.offsetWidth;
      const height = card.offsetHeight;
      const spaceBelow = viewportHeight - last.bottom - GAP_PX - MARGIN_PX;
      const spaceAbove = first.top - GAP_PX - MARGIN_PX;
      const below = spaceBelow >= height || spaceBelow >= spaceAbove;
      const anchor = below ? last : first;
      const maxHeight = Math.max(120, below ? spaceBelow : spaceAbove);
      if (height > maxHeight) card.style.maxHeight = `${maxHeight}px`;
      const shownHeight = Math.min(height, maxHeight);
      const top = below ? last.bottom + GAP_PX : first.top - GAP_PX - shownHeight;
      const left = Math.min(Math.max(anchor.left, MARGIN_PX), viewportWidth - width - MARGIN_PX);
      card.style.top = `${Math.round(top)}px`;
      card.style.left = `${Math.round(Math.max(MARGIN_PX, left))}px`;
    };

    const open = (link: HTMLAnchorElement): void => {
      window.clearTimeout(closeTimer);
      if (owner === link && !card.hidden) return;
      const template = templateFor(link);
      if (!template) return;
      if (owner) owner.setAttribute("aria-expanded", "false");
      owner = link;
      const body = template.cloneNode(true);
      if (!(body instanceof Element)) return;
      const title = body.querySelector("[data-card-title]");
      if (title) {
        title.id = "entity-popover-title";
        card.setAttribute("aria-labelledby", title.id);
      }
      card.replaceChildren(body);
      // Right after the link in the DOM, so Tab moves from the link into the card.
      link.after(card);
      card.hidden = false;
      link.setAttribute("aria-expanded", "true");
      loadLogo(card);
      position();
    };

    const close = (): void => {
      window.clearTimeout(openTimer);
      window.clearTimeout(closeTimer);
      if (card.hidden) return;
      card.hidden = true;
      owner?.setAttribute("aria-expanded", "false");
      owner = null;
    };

    const scheduleOpen = (link: HTMLAnchorElement): void => {
      window.clearTimeout(openTimer);
      window.clearTimeout(closeTimer);
      openTimer = window.setTimeout(() => open(link), OPEN_DELAY_MS);
    };
    const scheduleClose = (): void => {
      window.clearTimeout(openTimer);
      window.clearTimeout(closeTimer);
      closeTimer = window.setTimeout(close, CLOSE_DELAY_MS);
    };

    const linkFrom = (target: EventTarget | null): HTMLAnchorElement | null =>
      target instanceof Element ? target.closest<HTMLAnchorElement>(".article-body a.project-link[data-entity]") : null;

    const onPointerOver = (event: PointerEvent): void => {
      lastPointerType = event.pointerType;
      if (event.pointerType === "touch") return;
      const link = linkFrom(event.target);
      if (link) scheduleOpen(link);
      else if (card.contains(event.target instanceof Node ? event.target : null)) window.clearTimeout(closeTimer);
    };
    const onPointerOut = (event: PointerEvent): void => {
      if (event.pointerType === "touch") return;
      const from = event.target instanceof Node ? event.target : null;
      const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      const leftLink = linkFrom(from) && !(to && (linkFrom(to) === linkFrom(from) || card.contains(to)));
      const leftCard = from && card.contains(from) && !(to && (card.contains(to) || (owner && owner.contains(to))));
      if (leftLink || leftCard) scheduleClose();
    };
    const onPointerDown = (event: PointerEvent): void => {
      lastPointerType = event.pointerType;
      const target = event.target instanceof Node ? event.target : null;
      if (!card.hidden && target && !card.contains(target) && !(owner && owner.contains(target))) close();
    };
    const onClick = (event: MouseEvent): void => {
      const link = linkFrom(event.target);
      // A tap on a touch screen opens the card first; the card's own link goes onward.
      if (link && lastPointerType === "touch" && (owner !== link || card.hidden)) {
        event.preventDefault();
        open(link);
      }
    };
    const onFocusIn = (event: FocusEvent): void => {
      const link = linkFrom(event.target);
      if (link && lastPointerType !== "touch" && lastPointerType !== "keyboard-escaped") open(link);
    };
    const onFocusOut = (event: FocusEvent): void => {
      const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      if (card.hidden || !to) return;
      if (!card.contains(to) && !(owner && owner.contains(to))) close();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== "Escape" || card.hidden) return;
      const returnFocus = owner;
      const focusWasInside = document.activeElement instanceof Node && card.contains(document.activeElement);
      close();
      // Set before focusing: returning focus to the link must not reopen the card.
      lastPointerType = "keyboard-escaped";
      if (focusWasInside || document.activeElement === returnFocus) returnFocus?.focus({ preventScroll: true });
    };
    const onKeyUp = (): void => {
      if (lastPointerType === "keyboard-escaped") lastPointerType = "keyboard";
    };
    let frame = 0;
    const onViewportChange = (): void => {
      if (frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        position();
      });
    };

    card.setAttribute("aria-label", ui.mentionedEntities);
    const stops: (() => void)[] = [];
    const onDocument = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void): void => {
      document.addEventListener(type, handler);
      stops.push(() => document.removeEventListener(type, handler));
    };
    const onWindow = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void): void => {
      window.addEventListener(type, handler, { passive: true });
      stops.push(() => window.removeEventListener(type, handler));
    };
    onDocument("pointerover", onPointerOver);
    onDocument("pointerout", onPointerOut);
    onDocument("pointerdown", onPointerDown);
    onDocument("click", onClick);
    onDocument("focusin", onFocusIn);
    onDocument("focusout", onFocusOut);
    onDocument("keydown", onKeyDown);
    onDocument("keyup", onKeyUp);
    onWindow("scroll", onViewportChange);
    onWindow("resize", onViewportChange);
    // A pointer that came to rest on a link, or focus that reached one, while the page was still loading has
    // sent its events already: give it its card now.
    const hovered = window.matchMedia("(hover: hover)").matches ? links.find((link) => link.matches(":hover")) : undefined;
    const focused = linkFrom(document.activeElement);
    if (hovered) scheduleOpen(hovered);
    else if (focused) open(focused);
    return () => {
      close();
      card.remove();
      for (const stop of stops) stop();
    };
  }, []);
  return null;
}
