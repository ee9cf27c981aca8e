/**
 * Loads the logo of an avatar (`.entity-avatar[data-logo]`) without a Referer (the logo hosts refuse foreign
 * ones). The initial stays until the logo has loaded; a failed logo leaves it in place. A logo is an http(s)
 * URL or a path on this site (the sanitizer let nothing else through).
 */
export function loadAvatarLogo(avatar: HTMLElement): void {
  const src = avatar.dataset.logo;
  if (!src || !/^(https?:\/\/|\/(?!\/))/i.test(src) || avatar.querySelector("img")) return;
  const image = new Image();
  image.referrerPolicy = "no-referrer";
  image.decoding = "async";
  image.alt = "";
  image.className = "size-full object-cover bg-white";
  image.onload = () => avatar.replaceChildren(image);
  image.src = src;
}

/** The logo of a card's avatar. */
export function loadLogo(card: Element): void {
  const avatar = card.querySelector<HTMLElement>(".entity-avatar[data-logo]");
  if (avatar) loadAvatarLogo(avatar);
}
