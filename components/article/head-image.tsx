import { ui } from "@/lib/site/ui-text";

/**
 * The head image in a fixed 16:9 box, so it never shifts the layout. The box
 * shows a soft gradient with the title's first character underneath; if the
 * image host refuses or is down, `img.img-fallback::before` (globals.css) paints
 * the same placeholder over the browser's broken-image icon — no JavaScript needed.
 */
export function HeadImage({ src, title }: { src: string; title: string }) {
  const initial = Array.from(title.trim())[0] ?? "阅";
  return (
    <figure role="img" aria-label={ui.headImageAlt(title)} className="relative mt-6 aspect-[16/9] overflow-hidden rounded-xl bg-gradient-to-br from-accent-50 via-zinc-100 to-zinc-200 dark:from-zinc-800 dark:via-zinc-900 dark:to-zinc-950">
      <span aria-hidden="true" className="absolute inset-0 flex items-center justify-center text-6xl font-bold text-ink-faint select-none">
        {initial}
      </span>
      {/* eslint-disable-next-line @next/next/no-img-element -- hotlinked images need no-referrer, which next/image cannot set */}
      <img src={src} alt="" width={960} height={540} data-initial={initial} referrerPolicy="no-referrer" decoding="async" fetchPriority="high" className="img-fallback absolute inset-0 size-full object-cover" />
    </figure>
  );
}
