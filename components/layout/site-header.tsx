import Link from "next/link";
import { currentStore } from "@/lib/store/read-store";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";
import { ThemeToggle } from "./theme-toggle.client";

const MAX_HEADER_CATEGORIES = 6;

/** Sticky header: site name, the top-level categories (scrolling sideways on phones) and the theme toggle. */
export function SiteHeader() {
  const topCategories = currentStore().manifest.categories.slice(0, MAX_HEADER_CATEGORIES);
  return (
    <header
      id="site-header"
      className="sticky top-0 z-40 h-[var(--header-height)] border-b border-zinc-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75 dark:border-zinc-800 dark:bg-zinc-950/90 dark:supports-[backdrop-filter]:bg-zinc-950/75"
    >
      <div className="mx-auto flex h-full max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href={urls.home()} className="shrink-0 text-lg font-semibold tracking-wide text-zinc-950 dark:text-white">
          <span aria-hidden="true" className="mr-1.5 inline-block rounded bg-accent-600 px-1.5 py-0.5 text-sm text-white">
            阅
          </span>
          {siteConfig.title}
        </Link>
        {/* On a phone the list scrolls sideways: its right edge fades out to show there is more, and trailing
            padding lets the last entry scroll clear of the fade. */}
        <nav
          aria-label="主要分类"
          className="min-w-0 flex-1 overflow-x-auto [mask-image:linear-gradient(to_right,#000_calc(100%-1.5rem),transparent)] [scrollbar-width:none]"
        >
          <ul className="flex items-center gap-1 pr-6 text-[15px] whitespace-nowrap">
            {topCategories.map((category) => (
              <li key={category.segments.join("/")}>
                <Link
                  href={urls.category(category.segments)}
                  className="block rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                >
                  {category.name}
                </Link>
              </li>
            ))}
            {[
              { href: urls.categories(), label: ui.allCategories },
              { href: urls.authors(), label: ui.authors },
            ].map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block rounded-md px-2.5 py-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
