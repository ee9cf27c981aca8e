/**
 * Loads the logo of a card's avatar (`.entity-avatar[data-logo]`) without a Referer (the logo hosts refuse
 * foreign ones). The initial stays until the logo has loaded; a failed logo leaves it in place.
 */
export function loadLogo(card: Element): void {
  const avatar = card.querySelector<HTMLElement>(".entity-avatar[data-logo]");
  const src = avatar?.dataset.logo;
  if (!avatar || !src || !/^https?:\/\//i.test(src)) return;
  const image = new Image();
  image.referrerPolicy = "no-referrer";
  image.decoding = "async";
  image.alt = "";
  image.className = "size-full object-cover bg-white";
  image.onload = () => avatar.replaceChildren(image);
  image.src = src;
}
