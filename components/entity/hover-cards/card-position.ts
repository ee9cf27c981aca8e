/** The gap between a link and its card, and the least margin a card keeps from the viewport's edges (px). */
export const GAP_PX = 8;
export const MARGIN_PX = 8;
/** However little room there is, a card is never squeezed below this height (it scrolls inside instead). */
const MIN_CARD_HEIGHT_PX = 120;

/** The parts of a DOMRect placement needs. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  /** Set when the card is taller than the room it gets (it then scrolls); null otherwise. */
  maxHeight: number | null;
}

/**
 * Where a card goes for a link that may wrap over several lines (`first` and `last` are the link's first and
 * last line boxes): below the last line when it fits there or there is more room below than above, otherwise
 * above the first line; aligned with that line's start, and kept inside the viewport.
 */
export function placeCard(link: { first: Box; last: Box }, card: { width: number; height: number }, viewport: { width: number; height: number }): CardPlacement {
  const { first, last } = link;
  const spaceBelow = viewport.height - last.bottom - GAP_PX - MARGIN_PX;
  const spaceAbove = first.top - GAP_PX - MARGIN_PX;
  const below = spaceBelow >= card.height || spaceBelow >= spaceAbove;
  const anchor = below ? last : first;
  const room = Math.max(MIN_CARD_HEIGHT_PX, below ? spaceBelow : spaceAbove);
  const shownHeight = Math.min(card.height, room);
  const top = below ? last.bottom + GAP_PX : first.top - GAP_PX - shownHeight;
  const left = Math.min(Math.max(anchor.left, MARGIN_PX), viewport.width - card.width - MARGIN_PX);
  return { top: Math.round(top), left: Math.round(Math.max(MARGIN_PX, left)), maxHeight: card.height > room ? room : null };
}
