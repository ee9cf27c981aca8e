import { describe, expect, it } from "vitest";
import { GAP_PX, MARGIN_PX, placeCard, type Box } from "../../components/entity/hover-cards/card-position";

const VIEWPORT = { width: 390, height: 844 };
const CARD = { width: 320, height: 200 };
const line = (top: number, left: number, height = 24): Box => ({ top, bottom: top + height, left });

describe("where a hover card goes (placeCard)", () => {
  it("opens below a link with room below, aligned with the link's start", () => {
    const link = line(100, 40);
    expect(placeCard({ first: link, last: link }, CARD, VIEWPORT)).toEqual({ top: 124 + GAP_PX, left: 40, maxHeight: null });
  });

  it("opens above a link near the bottom of the viewport, its bottom edge a gap above the link", () => {
    const link = line(760, 40);
    const placed = placeCard({ first: link, last: link }, CARD, VIEWPORT);
    expect(placed.top + CARD.height).toBe(760 - GAP_PX);
    expect(placed.maxHeight).toBeNull();
  });

  it("goes below the last line of a link that wraps, and above its first line when flipped", () => {
    const first = line(300, 250);
    const last = line(330, 16);
    expect(placeCard({ first, last }, CARD, VIEWPORT)).toMatchObject({ top: 354 + GAP_PX, left: 16 });
    const low = { first: line(700, 250), last: line(730, 16) };
    expect(placeCard(low, CARD, VIEWPORT)).toMatchObject({ top: 700 - GAP_PX - CARD.height, left: VIEWPORT.width - CARD.width - MARGIN_PX });
  });

  it("never leaves the viewport sideways: pushed left from the right edge, and kept off the left edge", () => {
    const nearRight = line(100, 300);
    expect(placeCard({ first: nearRight, last: nearRight }, CARD, VIEWPORT).left).toBe(VIEWPORT.width - CARD.width - MARGIN_PX);
    const offLeft = line(100, -20);
    expect(placeCard({ first: offLeft, last: offLeft }, CARD, VIEWPORT).left).toBe(MARGIN_PX);
    const wide = { width: 500, height: 200 };
    expect(placeCard({ first: nearRight, last: nearRight }, wide, VIEWPORT).left).toBe(MARGIN_PX);
  });

  it("caps a card taller than either side's room at the larger room, so it scrolls instead of overflowing", () => {
    const link = line(400, 40);
    const tall = { width: 320, height: 900 };
    const placed = placeCard({ first: link, last: link }, tall, VIEWPORT);
    const roomBelow = VIEWPORT.height - 424 - GAP_PX - MARGIN_PX;
    const roomAbove = 400 - GAP_PX - MARGIN_PX;
    expect(placed.maxHeight).toBe(Math.max(roomBelow, roomAbove));
    expect(placed.top).toBeGreaterThanOrEqual(MARGIN_PX);
  });

  it("keeps at least 120 px of card even with almost no room", () => {
    const tiny = { width: 390, height: 150 };
    const link = line(60, 10);
    expect(placeCard({ first: link, last: link }, { width: 200, height: 400 }, tiny).maxHeight).toBe(120);
  });
});
