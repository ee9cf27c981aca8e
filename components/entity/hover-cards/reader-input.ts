import type { EntityPopover } from "./entity-popover";

const ENTITY_LINK = ".article-body a.project-link[data-entity]";

function entityLinkFrom(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>(ENTITY_LINK) : null;
}

/**
 * How a reader opens and closes the card. Mouse: rest on the link (the card stays while the pointer moves onto
 * it). Keyboard: focus the link, Tab into the card, Esc closes and returns focus without reopening. Touch: the
 * first tap opens the card (it holds the link onward), a tap elsewhere closes it. Returns a function that stops
 * listening.
 */
export function followReaderInput(popover: EntityPopover): () => void {
  const card = popover.element;
  /** The last way the reader pointed (`mouse`, `pen`, `touch`), or `keyboard-escaped` right after Esc. */
  let lastPointerType = "mouse";

  const onPointerOver = (event: PointerEvent): void => {
    lastPointerType = event.pointerType;
    if (event.pointerType === "touch") return;
    const link = entityLinkFrom(event.target);
    if (link) popover.openSoon(link);
    else if (card.contains(event.target instanceof Node ? event.target : null)) popover.keepOpen();
  };
  const onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType === "touch") return;
    const from = event.target instanceof Node ? event.target : null;
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    const leftLink = entityLinkFrom(from) && !(to && (entityLinkFrom(to) === entityLinkFrom(from) || card.contains(to)));
    const leftCard = from && card.contains(from) && !(to && popover.holds(to));
    if (leftLink || leftCard) popover.closeSoon();
  };
  const onPointerDown = (event: PointerEvent): void => {
    lastPointerType = event.pointerType;
    const target = event.target instanceof Node ? event.target : null;
    if (popover.isOpen && target && !popover.holds(target)) popover.close();
  };
  const onClick = (event: MouseEvent): void => {
    const link = entityLinkFrom(event.target);
    // A tap on a touch screen opens the card first; the card's own link goes onward.
    if (link && lastPointerType === "touch" && popover.openFor !== link) {
      event.preventDefault();
      popover.open(link);
    }
  };
  const onFocusIn = (event: FocusEvent): void => {
    const link = entityLinkFrom(event.target);
    if (link && lastPointerType !== "touch" && lastPointerType !== "keyboard-escaped") popover.open(link);
  };
  const onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    if (!popover.isOpen || !to) return;
    if (!popover.holds(to)) popover.close();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || !popover.isOpen) return;
    const returnFocus = popover.openFor;
    const focusWasInside = document.activeElement instanceof Node && card.contains(document.activeElement);
    popover.close();
    // Set before focusing: returning focus to the link must not reopen the card.
    lastPointerType = "keyboard-escaped";
    if (focusWasInside || document.activeElement === returnFocus) returnFocus?.focus({ preventScroll: true });
  };
  const onKeyUp = (): void => {
    if (lastPointerType === "keyboard-escaped") lastPointerType = "keyboard";
  };
  let frame = 0;
  const onViewportChange = (): void => {
    if (frame === 0) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        popover.position();
      });
    }
  };

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
  return () => {
    cancelAnimationFrame(frame);
    for (const stop of stops) stop();
  };
}

/**
 * A pointer that came to rest on a link, or focus that reached one, while the page was still loading has sent
 * its events already: give it its card now.
 */
export function catchUpWithReader(popover: EntityPopover, links: HTMLAnchorElement[]): void {
  const hovered = window.matchMedia("(hover: hover)").matches ? links.find((link) => link.matches(":hover")) : undefined;
  const focused = entityLinkFrom(document.activeElement);
  if (hovered) popover.openSoon(hovered);
  else if (focused) popover.open(focused);
}

/** The article body's entity links. */
export function entityLinks(): HTMLAnchorElement[] {
  return Array.from(document.querySelectorAll<HTMLAnchorElement>(ENTITY_LINK));
}
