import { ui } from "@/lib/site/ui-text";
import { placeCard } from "./card-position";
import { loadLogo } from "./entity-logo";

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 200;

/**
 * The one floating card of an article and its state: which entity link owns it, and the timers that open it
 * after a pointer rests on a link and close it after the pointer leaves. Its content is a clone of the entity's
 * server-rendered entry in “本文提及” (`[data-entity-card] [data-card-body]`).
 */
export class EntityPopover {
  readonly element: HTMLDivElement;
  private owner: HTMLAnchorElement | null = null;
  private openTimer = 0;
  private closeTimer = 0;

  constructor(private readonly links: HTMLAnchorElement[]) {
    const card = document.createElement("div");
    card.id = "entity-popover";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-modal", "false");
    card.className =
      "entity-popover not-prose fixed z-50 w-[min(20rem,calc(100vw-16px))] overflow-y-auto rounded-xl border border-line bg-surface-raised p-4 text-left shadow-xl shadow-zinc-900/10 dark:shadow-black/40";
    card.hidden = true;
    card.setAttribute("aria-label", ui.mentionedEntities);
    this.element = card;
    for (const link of links) {
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", card.id);
    }
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The link whose card is open, if any. */
  get openFor(): HTMLAnchorElement | null {
    return this.isOpen ? this.owner : null;
  }

  /** Whether `node` is inside the card or the link that owns it. */
  holds(node: Node | null): boolean {
    return node !== null && (this.element.contains(node) || (this.owner?.contains(node) ?? false));
  }

  open(link: HTMLAnchorElement): void {
    window.clearTimeout(this.closeTimer);
    if (this.owner === link && this.isOpen) return;
    const template = cardTemplateFor(link);
    if (!template) return;
    if (this.owner) this.owner.setAttribute("aria-expanded", "false");
    this.owner = link;
    const body = template.cloneNode(true);
    if (!(body instanceof Element)) return;
    const title = body.querySelector("[data-card-title]");
    if (title) {
      title.id = "entity-popover-title";
      this.element.setAttribute("aria-labelledby", title.id);
    }
    this.element.replaceChildren(body);
    // Right after the link in the DOM, so Tab moves from the link into the card.
    link.after(this.element);
    this.element.hidden = false;
    link.setAttribute("aria-expanded", "true");
    loadLogo(this.element);
    this.position();
  }

  /** Takes the card away and leaves the links as plain links (previews turned off, or the page left). */
  detach(): void {
    this.close();
    this.element.remove();
    for (const link of this.links) {
      link.removeAttribute("aria-haspopup");
      link.removeAttribute("aria-expanded");
      link.removeAttribute("aria-controls");
    }
  }

  close(): void {
    this.cancelTimers();
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.owner?.setAttribute("aria-expanded", "false");
    this.owner = null;
  }

  openSoon(link: HTMLAnchorElement): void {
    this.cancelTimers();
    this.openTimer = window.setTimeout(() => this.open(link), OPEN_DELAY_MS);
  }

  closeSoon(): void {
    this.cancelTimers();
    this.closeTimer = window.setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  /** A pointer came back onto the card before it closed. */
  keepOpen(): void {
    window.clearTimeout(this.closeTimer);
  }

  /** Places the open card by its link (again after a scroll or resize). */
  position(): void {
    const link = this.owner;
    const card = this.element;
    if (!link || card.hidden) return;
    const rects = Array.from(link.getClientRects());
    const first = rects[0] ?? link.getBoundingClientRect();
    const last = rects.at(-1) ?? first;
    // Measured at its natural height: a cap left from an earlier placement would hide how tall it wants to be.
    card.style.maxHeight = "";
    const placement = placeCard(
      { first, last },
      { width: card.offsetWidth, height: card.offsetHeight },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
    );
    if (placement.maxHeight !== null) card.style.maxHeight = `${placement.maxHeight}px`;
    card.style.top = `${placement.top}px`;
    card.style.left = `${placement.left}px`;
  }

  private cancelTimers(): void {
    window.clearTimeout(this.openTimer);
    window.clearTimeout(this.closeTimer);
  }
}

/** The server-rendered card body of a link's entity (in “本文提及”). */
function cardTemplateFor(link: HTMLAnchorElement): Element | null {
  const key = link.dataset.entity ?? "";
  return Array.from(document.querySelectorAll("[data-entity-card]")).find((item) => item.getAttribute("data-entity-card") === key)?.querySelector("[data-card-body]") ?? null;
}
