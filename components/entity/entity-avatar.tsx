/**
 * An entity's avatar: its initial, which stays when it has no logo (none, or the source's shared placeholder)
 * or when the logo fails to load. The logo is loaded by a client island (`loadAvatarLogo`) without a Referer,
 * because the logo hosts refuse foreign ones.
 */
export function EntityAvatar({ name, logo, large = false }: { name: string; logo: string | null; large?: boolean }) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return (
    <span aria-hidden="true" data-logo={logo ?? undefined} className={large ? "entity-avatar entity-avatar-large" : "entity-avatar"}>
      {initial}
    </span>
  );
}
